package org.hotline.core.model;

/** How an appeal reached the hotline. */
public enum Channel {
    PHONE,
    WEB,
    APP,
    WECHAT,
    SMS,
    LETTER,
    ON_SITE,
    POLICE_110,
    PROVINCIAL_PLATFORM,
    LEADER_ASSIGNED
}

package org.hotline.core.model;

/** What the citizen says at the return visit: 已解决, 部分解决, 未解决. */
public enum Resolution { RESOLVED, PARTLY_RESOLVED, UNRESOLVED }

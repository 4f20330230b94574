package org.hotline.core.model;

/** The supervision ladder: 催办 → 督办 → 通报. */
public enum UrgeLevel { URGE, SUPERVISE, NOTIFY }

package org.hotline.core.model;

/** SLA cards: yellow when little time remains, red at the deadline. */
public enum SlaLevel { YELLOW, RED }

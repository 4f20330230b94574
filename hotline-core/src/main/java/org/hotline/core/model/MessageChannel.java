package org.hotline.core.model;

/** How the system reached someone about a ticket: a short message or an automated call. */
public enum MessageChannel { SMS, VOICE }

package org.hotline.telephony.survey;

/** How a citizen is asked at the return visit: a short message, an automated call, an agent's call. */
public enum Channel { SMS, VOICE, AGENT }

package org.hotline.core.model;

/** The citizen's rating at the return visit; NO_RATING is excluded from satisfaction rates. */
public enum Satisfaction { SATISFIED, BASICALLY_SATISFIED, DISSATISFIED, NO_RATING }

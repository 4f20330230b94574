package org.hotline.core.model;

/** Administrative level of a handling unit: 市, 区, 街道/乡镇, 社区/村. */
public enum DepartmentLevel { CITY, DISTRICT, STREET, COMMUNITY }

package org.hotline.core.model;

/** What the department says it achieved: 已解决, 部分解决, 未解决, 已解释说明. */
public enum ReplyResult { RESOLVED, PARTLY_RESOLVED, UNRESOLVED, EXPLAINED }

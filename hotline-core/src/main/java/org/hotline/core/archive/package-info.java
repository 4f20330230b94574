/**
 * Where closed tickets go once they leave Redis ({@link org.hotline.core.port.TicketArchive}): files under the
 * data directory ({@link org.hotline.core.archive.FileTicketArchive}). What is archived and when is decided by
 * {@link org.hotline.core.redis.RedisTicketArchiver}.
 */
package org.hotline.core.archive;

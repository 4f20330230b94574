package org.hotline.core.error;

/**
 * The one error family of the project. Adapters translate library exceptions into these kinds at
 * their boundary; the HTTP layer and the event bus each map them once.
 */
public enum ErrorKind {
    /** The request itself is wrong: bad field, unknown value, too large. HTTP 400/413/415/422. */
    INVALID_REQUEST(400),
    /** No credentials, or credentials that do not verify. */
    UNAUTHENTICATED(401),
    /** The caller is known but may not do this. */
    FORBIDDEN(403),
    /** The thing does not exist, or the caller may not know that it exists. */
    NOT_FOUND(404),
    /** A stale version or a concurrent change: retry after reading again. */
    CONFLICT(409),
    /** A business rule refused the request (illegal transition, limit reached). */
    REJECTED(422),
    /** Too many requests from one source. */
    RATE_LIMITED(429),
    /** A dependency (Redis, Elasticsearch, Asterisk, 110) cannot be reached now. */
    UNAVAILABLE(503),
    /** A bug. The message shown outside is generic; details only go to the log. */
    INTERNAL(500);

    private final int httpStatus;

    ErrorKind(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}

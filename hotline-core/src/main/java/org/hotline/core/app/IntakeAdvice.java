package org.hotline.core.app;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * What a citizen must be told at once when submitting an appeal, beyond the ticket number: e.g.
 * "call 110 now" when the text describes danger to life. Supplied by another module (the 110
 * linkage); without one, nothing is added.
 */
@FunctionalInterface
public interface IntakeAdvice {

    Future<Optional<String>> adviceFor(String title, String content);

    static IntakeAdvice none() {
        return (title, content) -> Future.succeededFuture(Optional.empty());
    }
}

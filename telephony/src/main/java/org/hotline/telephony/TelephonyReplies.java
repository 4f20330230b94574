package org.hotline.telephony;

import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.hotline.core.error.HotlineException;

/** Maps action results onto event-bus replies once: {ok:true}, or a failure with the HTTP status code. */
final class TelephonyReplies {

    private TelephonyReplies() {
    }

    static void reply(Message<JsonObject> message, Future<?> result) {
        result.onSuccess(v -> message.reply(new JsonObject().put("ok", true)))
                .onFailure(failure -> {
                    HotlineException e = HotlineException.from(failure);
                    message.fail(e.kind().httpStatus(), e.getMessage());
                });
    }
}

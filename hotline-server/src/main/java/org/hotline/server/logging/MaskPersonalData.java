package org.hotline.server.logging;

import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.rewrite.RewritePolicy;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.hotline.core.model.Masking;

/**
 * Masks mobile, landline and ID-card numbers in every log line's message ({@link Masking#maskPhonesInText}),
 * whoever logged it (our code, Vert.x, Lettuce, Asterisk-Java echoing a caller id). log4j2.xml routes
 * every logger through one {@code Rewrite} appender with this policy in front of the console and JSON
 * appenders, so no layout can print a number unmasked. Lines without a number pass unchanged.
 */
@Plugin(name = "MaskPersonalData", category = Core.CATEGORY_NAME, elementType = "rewritePolicy", printObject = true)
public final class MaskPersonalData implements RewritePolicy {

    @PluginFactory
    public static MaskPersonalData create() {
        return new MaskPersonalData();
    }

    @Override
    public LogEvent rewrite(LogEvent event) {
        String formatted = event.getMessage().getFormattedMessage();
        String masked = Masking.maskPhonesInText(formatted);
        if (masked == null || masked.equals(formatted)) {
            return event;
        }
        return new Log4jLogEvent.Builder(event).setMessage(new SimpleMessage(masked)).build();
    }
}

package org.hotline.telephony;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.MappingStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FastAGI server the dialplan calls ({@code agi://host:port/incoming}, {@code /progress} and {@code /survey}).
 * Asterisk-Java runs each script on its own pool thread, where blocking is fine; calls into the
 * backend's ports go through the owning Vert.x context and are awaited with a timeout, so a slow
 * store never holds a citizen: on timeout the dialplan's defaults queue the call.
 */
public final class HotlineAgiServer {

    /** Published for every call the AGI server sees: {callId, channelId, caller, script}. */
    public static final String INCOMING_ADDRESS = "telephony.agi.incoming";
    /** Published after each progress lookup: {callId, digits, status}. */
    public static final String PROGRESS_ADDRESS = "telephony.progress.looked-up";
    /**
     * Published after each voice-survey call attempt ([hotline-survey]): {ticketId, attempt, answered,
     * satisfaction, resolution, reason}; keys are "" when none was pressed, reason is Asterisk's
     * outgoing-call REASON when nobody answered.
     */
    public static final String SURVEY_RESULT_ADDRESS = "telephony.survey.result";

    private static final Logger LOG = LoggerFactory.getLogger(HotlineAgiServer.class);
    private static final long PORT_TIMEOUT_MS = 2000;

    private final Context context;
    private final TelephonyConfig config;
    private final RedisTelephonyStore store;
    private final TicketProgressLookup progress;
    private DefaultAgiServer server;

    public HotlineAgiServer(Context context, TelephonyConfig config, RedisTelephonyStore store, TicketProgressLookup progress) {
        this.context = context;
        this.config = config;
        this.store = store;
        this.progress = progress;
    }

    /** Opens the port (blocking: call from a worker) and serves on a daemon thread. */
    public void start() throws IOException {
        server = new DefaultAgiServer((MappingStrategy) (request, channel) -> route(request));
        server.setPort(config.agiPort());
        server.setAddress(InetAddress.getByName(config.agiBindAddress()));
        Thread acceptor = new Thread(this::serve, "hotline-fastagi");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public void stop() {
        if (server != null) {
            server.shutdown();
        }
    }

    private void serve() {
        try {
            server.startup();
        } catch (IOException | IllegalStateException e) {
            LOG.error("fastagi server stopped [port={}]", config.agiPort(), e);
        }
    }

    private AgiScript route(AgiRequest request) {
        return switch (request.getScript() == null ? "" : request.getScript().replace("/", "")) {
            case "incoming" -> this::incoming;
            case "progress" -> this::progress;
            case "survey" -> this::survey;
            default -> (r, c) -> LOG.warn("unknown agi script [script={}]", r.getScript());
        };
    }

    private void incoming(AgiRequest request, AgiChannel channel) throws AgiException {
        String caller = Optional.ofNullable(request.getCallerIdNumber()).orElse("");
        String callId = Optional.ofNullable(channel.getFullVariable("${CHANNEL(linkedid)}")).orElse(request.getUniqueId());
        publish(INCOMING_ADDRESS, new JsonObject().put("callId", callId).put("channelId", request.getUniqueId())
                .put("caller", caller).put("script", "incoming"));
        boolean blocked = !caller.isEmpty() && Boolean.TRUE.equals(await(() -> store.isBlocked(caller)));
        if (blocked) {
            LOG.info("blocked number refused per policy [callId={}]", callId);
            channel.setVariable("HOTLINE_ROUTE", "blocked");
        }
    }

    /**
     * The dialplan has read the keyed digits into HOTLINE_DIGITS; this looks the ticket up and tells
     * the dialplan which status prompt to play and which number to read back. Choosing an agent
     * afterwards (0) is the dialplan's.
     */
    private void progress(AgiRequest request, AgiChannel channel) throws AgiException {
        String callId = Optional.ofNullable(channel.getFullVariable("${CHANNEL(linkedid)}")).orElse(request.getUniqueId());
        String digits = Optional.ofNullable(channel.getVariable("HOTLINE_DIGITS")).orElse("").replaceAll("\\D", "");
        Optional<TicketProgressLookup.Progress> found = digits.isEmpty() ? Optional.empty()
                : Optional.ofNullable(await(() -> progress.progressOf(digits))).flatMap(o -> o);
        String status = found.map(TicketProgressLookup.Progress::status).orElse("NOT_FOUND");
        channel.setVariable("HOTLINE_TICKET_STATUS", status);
        channel.setVariable("HOTLINE_STATUS_PROMPT", StatusPrompt.of(status));
        channel.setVariable("HOTLINE_DIGIT_PROMPTS", found.map(p -> StatusPrompt.digitsOf(p.ticketNumber())).orElse(""));
        publish(PROGRESS_ADDRESS, new JsonObject().put("callId", callId).put("digits", digits).put("status", status));
    }

    /** A survey call ended its questions (answered) or was not answered ("failed", REASON set): both are reported. */
    private void survey(AgiRequest request, AgiChannel channel) throws AgiException {
        boolean answered = !"failed".equals(request.getExtension());
        publish(SURVEY_RESULT_ADDRESS, new JsonObject()
                .put("ticketId", Optional.ofNullable(channel.getVariable("HOTLINE_SURVEY_TICKET")).orElse(""))
                .put("attempt", Optional.ofNullable(channel.getVariable("HOTLINE_SURVEY_ATTEMPT")).orElse(""))
                .put("answered", answered)
                .put("satisfaction", digit(channel.getVariable("HOTLINE_SURVEY_SATISFACTION")))
                .put("resolution", digit(channel.getVariable("HOTLINE_SURVEY_RESOLUTION")))
                .put("reason", answered ? "" : Optional.ofNullable(channel.getVariable("REASON")).orElse("")));
    }

    private static String digit(String keyed) {
        return keyed == null ? "" : keyed.replaceAll("\\D", "");
    }

    private void publish(String address, JsonObject body) {
        context.runOnContext(v -> context.owner().eventBus().publish(address, body));
    }

    /** Runs a port call on the Vert.x context and waits for it on this AGI thread; null on failure. */
    private <T> T await(Supplier<Future<T>> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(v -> call.get().onComplete(result::complete, result::completeExceptionally));
        try {
            return result.get(PORT_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            LOG.warn("agi backend lookup failed, the dialplan defaults apply [reason={}]", e.toString());
            return null;
        }
    }
}

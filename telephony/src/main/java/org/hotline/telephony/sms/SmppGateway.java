package org.hotline.telephony.sms;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.core.error.HotlineException;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMPP 3.4 transceiver bind to the SMS center (jsmpp). jsmpp blocks, so binds and submits run on
 * the {@value #WORKER_POOL} worker pool, sized to the center's window (that many submits wait for
 * their response at once). What the center delivers arrives on jsmpp's threads: a receipt is handed
 * to the listener on the Vert.x context; a citizen's message is stored durably by the listener on
 * jsmpp's thread before we return, because jsmpp sends the deliver_sm_resp when
 * {@code onAcceptDeliverSm} returns (a message we could not store is refused with a temporary
 * error, so the center delivers it again, and a crash never loses an acknowledged reply). A lost bind is re-made with
 * back-off; submits meanwhile fail as unavailable and their messages wait in the outbox.
 */
public final class SmppGateway {

    public static final String WORKER_POOL = "hotline-smpp";
    private static final Logger LOG = LoggerFactory.getLogger(SmppGateway.class);
    private static final long MAX_RECONNECT_MS = 30_000;
    /** SMPP 3.4 command status: the receiver cannot take the message now, deliver it again later. */
    private static final int ESME_RX_T_APPN = 0x64;

    /** What the center tells us. */
    public interface Listener {
        /** On the Vert.x context. {@code phone}: the number the message went to (the receipt's source address). */
        void receipt(String messageId, String phone, boolean delivered, String state);

        /**
         * On jsmpp's thread (never an event loop), which may wait: stores the citizen's message durably,
         * or throws, and the center is told to deliver it again.
         */
        void incoming(String from, String text) throws Exception;
    }

    private final Vertx vertx;
    private final Context context;
    private final SmsConfig config;
    private final Listener listener;
    private final WorkerExecutor worker;
    private final AtomicInteger reference = new AtomicInteger();
    private volatile SMPPSession session;
    private volatile boolean closed;
    private long reconnectMs = 500;

    public SmppGateway(Vertx vertx, Context context, SmsConfig config, Listener listener) {
        this.vertx = vertx;
        this.context = context;
        this.config = config;
        this.listener = listener;
        this.worker = vertx.createSharedWorkerExecutor(WORKER_POOL, config.window() + 1, config.responseTimeout().toMillis() * 2,
                TimeUnit.MILLISECONDS);
    }

    /** Binds once; when the center cannot be reached the gateway keeps trying in the background. */
    public Future<Void> connect() {
        return worker.<Void>executeBlocking(this::bind, false)
                .onFailure(e -> {
                    LOG.warn("smpp bind failed, retrying [host={}:{}, reason={}]", config.host(), config.port(), e.getMessage());
                    scheduleReconnect();
                });
    }

    public boolean bound() {
        SMPPSession s = session;
        return s != null && s.getSessionState().isBound();
    }

    /** Submits the text (segmented when long) and answers the center's message id of each part, in order. */
    public Future<List<String>> submit(String phone, String text) {
        SMPPSession s = session;
        if (s == null || !s.getSessionState().isBound()) {
            return Future.failedFuture(HotlineException.unavailable("sms.unbound", "短信中心暂不可用", null));
        }
        List<byte[]> parts = SmsSegments.of(text, reference.incrementAndGet() & 0xFF);
        ESMClass esm = SmsSegments.segmented(parts)
                ? new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI) : new ESMClass();
        return worker.executeBlocking(() -> {
            List<String> ids = new ArrayList<>(parts.size());
            for (byte[] part : parts) {
                ids.add(s.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, config.sourceAddress(),
                        TypeOfNumber.NATIONAL, NumberingPlanIndicator.ISDN, phone, esm, (byte) 0, (byte) 1, null, null,
                        new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                        DataCodings.newInstance((byte) 0x08), (byte) 0, part).getMessageId());
            }
            return ids;
        }, false);
    }

    public Future<Void> close() {
        closed = true;
        SMPPSession s = session;
        return s == null ? Future.succeededFuture() : worker.<Void>executeBlocking(() -> {
            s.unbindAndClose();
            return null;
        }, false).eventually(worker::close);
    }

    private Void bind() throws Exception {
        SMPPSession s = new SMPPSession();
        s.setTransactionTimer(config.responseTimeout().toMillis());
        s.setEnquireLinkTimer(30_000);
        s.setMessageReceiverListener(new Receiver());
        s.addSessionStateListener((SessionState newState, SessionState old, Session source) -> {
            if (newState == SessionState.CLOSED && !closed) {
                LOG.warn("smpp session closed, re-binding [host={}:{}]", config.host(), config.port());
                context.runOnContext(v -> scheduleReconnect());
            }
        });
        s.connectAndBind(config.host(), config.port(), new BindParameter(BindType.BIND_TRX, config.systemId(),
                config.password(), "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null));
        session = s;
        reconnectMs = 500;
        LOG.info("smpp bound as transceiver [host={}:{}]", config.host(), config.port());
        return null;
    }

    private void scheduleReconnect() {
        if (closed) {
            return;
        }
        long delay = reconnectMs;
        reconnectMs = Math.min(reconnectMs * 2, MAX_RECONNECT_MS);
        vertx.setTimer(delay, id -> {
            if (!closed && !bound()) {
                connect();
            }
        });
    }

    /** Text of a citizen's message: UCS2 when the data coding says so, else the 7-bit/Latin default. */
    static String decode(DeliverSm sm) {
        byte[] payload = sm.getShortMessage() == null ? new byte[0] : sm.getShortMessage();
        boolean udh = GSMSpecificFeature.UDHI.containedIn(sm.getEsmClass());
        boolean ucs2 = (sm.getDataCoding() & 0x0F) == 0x08;
        if (ucs2) {
            return SmsSegments.text(payload, udh);
        }
        return new String(payload, StandardCharsets.ISO_8859_1);
    }

    private final class Receiver implements MessageReceiverListener {
        @Override
        public void onAcceptDeliverSm(DeliverSm sm) throws ProcessRequestException {
            if (MessageType.SMSC_DEL_RECEIPT.containedIn(sm.getEsmClass())) {
                try {
                    DeliveryReceipt receipt = sm.getShortMessageAsDeliveryReceipt();
                    String state = receipt.getFinalStatus().name();
                    String phone = sm.getSourceAddr();
                    context.runOnContext(v -> listener.receipt(receipt.getId(), phone, "DELIVRD".equals(state), state));
                } catch (InvalidDeliveryReceiptException e) {
                    LOG.warn("smpp delivery receipt unreadable [reason={}]", e.getMessage());
                }
            } else {
                store(sm);
            }
        }

        private void store(DeliverSm sm) throws ProcessRequestException {
            try {
                listener.incoming(sm.getSourceAddr(), decode(sm));
            } catch (Exception e) {
                LOG.warn("citizen's sms not stored, the center is asked to deliver it again [reason={}]", e.getMessage());
                throw new ProcessRequestException("message not stored, deliver again", ESME_RX_T_APPN);
            }
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alert) {
            // the center tells us a phone is reachable again; the outbox retries on its own
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm not supported", 0x03);
        }
    }
}

package org.hotline.testsupport.smsc;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * A small SMS center for tests, in its own JVM, on jsmpp's server side: accepts binds with the given
 * password, answers each submit_sm with a message id, prints it on stdout
 * ({@code SUBMIT <id> <to> <ref> <total> <seq> <UCS2|OTHER> <base64 UTF-8 text of the part> <epoch ms received>}), sends a delivery
 * receipt for it (DELIVRD, or UNDELIV for a number marked {@code FAIL}), refuses every submit_sm to a
 * number marked {@code REFUSE} with ESME_RSUBMITFAIL (prints {@code REFUSED <to>}), and delivers a citizen's
 * message on stdin's {@code MO <from> <base64 UTF-8 text>}. Ends when stdin closes (its parent went).
 * Usage: {@code SmscMain <port> <password>}; prints {@code SMSC READY <port>} once listening.
 */
public final class SmscMain implements ServerMessageReceiverListener {

    /** SMPP 3.4 command status: submit_sm or submit_multi failed. */
    private static final int ESME_RSUBMITFAIL = 0x45;

    private final PrintStream out;
    private final String password;
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Set<String> refusing = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> submitted = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(0x1000);
    private final ExecutorService receipts = Executors.newSingleThreadExecutor();

    private SmscMain(PrintStream out, String password) {
        this.out = out;
        this.password = password;
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        SmscMain smsc = new SmscMain(out, args[1]);
        SMPPServerSessionListener listener = new SMPPServerSessionListener(Integer.parseInt(args[0]));
        listener.setPduProcessorDegree(8);
        listener.setQueueCapacity(1000);
        listener.setMessageReceiverListener(smsc);
        Thread acceptor = new Thread(() -> smsc.accept(listener), "smsc-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        out.println("SMSC READY " + listener.getPort());
        smsc.commands(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        listener.close();
        System.exit(0);
    }

    private void accept(SMPPServerSessionListener listener) {
        while (true) {
            try {
                SMPPServerSession session = listener.accept();
                BindRequest bind = session.waitForBind(5_000);
                if (password.equals(bind.getPassword())) {
                    bind.accept("smsc");
                    sessions.add(session);
                    out.println("BOUND " + bind.getSystemId() + " " + bind.getBindType());
                } else {
                    bind.reject(0x0E);
                    out.println("REJECTED " + bind.getSystemId());
                }
            } catch (Exception e) {
                out.println("ERROR accept " + e);
            }
        }
    }

    private void commands(BufferedReader in) throws Exception {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] parts = line.split(" ");
            if (parts[0].equals("MO") && parts.length == 3) {
                deliver(parts[1], new String(Base64.getDecoder().decode(parts[2]), StandardCharsets.UTF_8));
            } else if (parts[0].equals("FAIL") && parts.length == 2) {
                failing.add(parts[1]);
                out.println("OK FAIL " + parts[1]);
            } else if (parts[0].equals("REFUSE") && parts.length == 2) {
                refusing.add(parts[1]);
                out.println("OK REFUSE " + parts[1]);
            }
        }
    }

    private void deliver(String from, String text) {
        for (SMPPServerSession session : sessions) {
            if (session.getSessionState().isBound()) {
                try {
                    session.deliverShortMessage("", TypeOfNumber.NATIONAL, NumberingPlanIndicator.ISDN, from,
                            TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "12345", new ESMClass(), (byte) 0, (byte) 0,
                            new RegisteredDelivery(0), DataCodings.newInstance((byte) 0x08), text.getBytes(StandardCharsets.UTF_16BE));
                    out.println("OK MO " + from);
                    return;
                } catch (Exception e) {
                    out.println("ERROR MO " + e);
                }
            }
        }
        out.println("ERROR MO no bound session");
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source) throws ProcessRequestException {
        if (refusing.contains(submit.getDestAddress())) {
            out.println("REFUSED " + submit.getDestAddress());
            throw new ProcessRequestException("submit refused", ESME_RSUBMITFAIL);
        }
        try {
            String id = Long.toHexString(ids.incrementAndGet());
            byte[] payload = submit.getShortMessage();
            boolean udh = GSMSpecificFeature.UDHI.containedIn(submit.getEsmClass());
            int skip = udh ? (payload[0] & 0xFF) + 1 : 0;
            int ref = udh ? payload[3] & 0xFF : 0;
            int total = udh ? payload[4] & 0xFF : 1;
            int seq = udh ? payload[5] & 0xFF : 1;
            boolean ucs2 = (submit.getDataCoding() & 0x0F) == 0x08;
            String text = new String(payload, skip, payload.length - skip, ucs2 ? StandardCharsets.UTF_16BE : StandardCharsets.ISO_8859_1);
            String to = submit.getDestAddress();
            submitted.put(id, System.currentTimeMillis());
            out.println("SUBMIT " + id + " " + to + " " + ref + " " + total + " " + seq + " " + (ucs2 ? "UCS2" : "OTHER") + " "
                    + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + " " + submitted.get(id));
            receipts.execute(() -> receipt(source, id, to));
            return new SubmitSmResult(new MessageId(id), new org.jsmpp.bean.OptionalParameter[0]);
        } catch (Exception e) {
            throw new ProcessRequestException(e.getMessage(), 0x08);
        }
    }

    private void receipt(SMPPServerSession session, String id, String to) {
        DeliveryReceiptState state = failing.contains(to) ? DeliveryReceiptState.UNDELIV : DeliveryReceiptState.DELIVRD;
        DeliveryReceipt receipt = new DeliveryReceipt(id, 1, state == DeliveryReceiptState.DELIVRD ? 1 : 0,
                new Date(submitted.get(id)), new Date(), state, "000", "");
        try {
            session.deliverShortMessage("", TypeOfNumber.NATIONAL, NumberingPlanIndicator.ISDN, to,
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "12345",
                    new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT), (byte) 0, (byte) 0,
                    new RegisteredDelivery(0), DataCodings.ZERO, receipt.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.println("RECEIPT " + id + " " + state);
        } catch (Exception e) {
            out.println("ERROR RECEIPT " + id + " " + e);
        }
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

}

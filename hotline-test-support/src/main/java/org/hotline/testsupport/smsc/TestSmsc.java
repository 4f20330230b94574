package org.hotline.testsupport.smsc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The test SMS center ({@link SmscMain}) as a separate JVM on the test class path: what it received
 * (each submitted part, with the parts of one long message put back together), its delivery
 * receipts, and the citizens' messages a test makes it deliver. Its stdout is read on a daemon thread;
 * waits block the test thread with a deadline (never a fixed sleep).
 */
public final class TestSmsc implements AutoCloseable {

    /** One submitted part as the center read it. */
    public record Part(String messageId, String to, int reference, int total, int sequence, boolean ucs2, String text,
                       long receivedAtMillis) { }

    private final Process process;
    private final PrintStream in;
    private final int port;
    private final List<Part> parts = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();

    private TestSmsc(Process process, int port) {
        this.process = process;
        this.in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.port = port;
    }

    public static TestSmsc start(int port, String password) throws IOException, InterruptedException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Path.of("target", "smsc.log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(List.of(java, "-Xmx128m", "-cp", classpath, SmscMain.class.getName(),
                String.valueOf(port), password)).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        TestSmsc smsc = new TestSmsc(process, port);
        Thread reader = new Thread(() -> smsc.read(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))),
                "test-smsc-reader");
        reader.setDaemon(true);
        reader.start();
        smsc.awaitLine(l -> l.startsWith("SMSC READY"), Duration.ofSeconds(60));
        return smsc;
    }

    public int port() {
        return port;
    }

    /** The center delivers a citizen's message (MO) to the bound client. */
    public void citizenSends(String from, String text) {
        in.println("MO " + from + " " + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Receipts for messages to this number say UNDELIV from now on. */
    public void failDeliveriesTo(String phone) throws InterruptedException {
        in.println("FAIL " + phone);
        awaitLine(l -> l.equals("OK FAIL " + phone), Duration.ofSeconds(10));
    }

    /** Every submit_sm to this number is refused (command status ESME_RSUBMITFAIL) from now on. */
    public void refuseSubmitsTo(String phone) throws InterruptedException {
        in.println("REFUSE " + phone);
        awaitLine(l -> l.equals("OK REFUSE " + phone), Duration.ofSeconds(10));
    }

    /** Waits until a whole message (all its parts) to {@code to} matching {@code text} arrived; answers its text. */
    public String awaitMessage(String to, Predicate<String> text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                for (String whole : messagesTo(to)) {
                    if (text.test(whole)) {
                        return whole;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no message to " + to + " matched within " + timeout + "; got " + messagesTo(to));
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    /**
     * The whole messages to one number so far, in arrival order of their last part; a part belongs to
     * the last message with its reference that arrived before that last part.
     */
    public synchronized List<String> messagesTo(String to) {
        return reassembled(parts.stream().filter(p -> p.to().equals(to)).toList());
    }

    /** Every number's whole messages, in one pass (a benchmark's thousands of numbers). */
    public synchronized Map<String, List<String>> messagesByNumber() {
        Map<String, List<Part>> byNumber = new HashMap<>();
        parts.forEach(p -> byNumber.computeIfAbsent(p.to(), k -> new ArrayList<>()).add(p));
        Map<String, List<String>> whole = new HashMap<>();
        byNumber.forEach((to, list) -> whole.put(to, reassembled(list)));
        return whole;
    }

    private static List<String> reassembled(List<Part> toOne) {
        List<String> whole = new ArrayList<>();
        for (int i = 0; i < toOne.size(); i++) {
            Part last = toOne.get(i);
            if (last.sequence() != last.total()) {
                continue;
            }
            String[] texts = new String[last.total()];
            for (int j = i; j >= 0; j--) {
                Part q = toOne.get(j);
                if (q.reference() == last.reference() && q.total() == last.total() && texts[q.sequence() - 1] == null) {
                    texts[q.sequence() - 1] = q.text();
                }
            }
            whole.add(String.join("", Arrays.stream(texts).map(t -> t == null ? "" : t).toList()));
        }
        return whole;
    }

    public synchronized List<Part> parts() {
        return List.copyOf(parts);
    }

    /** Waits for a line the center printed (BOUND, RECEIPT, OK MO ...). */
    public String awaitLine(Predicate<String> line, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                for (String l : lines) {
                    if (line.test(l)) {
                        return l;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive()) {
                    throw new AssertionError("the SMS center printed no such line within " + timeout + " (alive=" + process.isAlive() + ")");
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    public synchronized long count(Predicate<String> line) {
        return lines.stream().filter(line).count();
    }

    private void read(BufferedReader out) {
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                synchronized (this) {
                    if (line.startsWith("SUBMIT ")) {
                        String[] f = line.split(" ");
                        parts.add(new Part(f[1], f[2], Integer.parseInt(f[3]), Integer.parseInt(f[4]), Integer.parseInt(f[5]),
                                f[6].equals("UCS2"), new String(Base64.getDecoder().decode(f[7]), StandardCharsets.UTF_8),
                                Long.parseLong(f[8])));
                    } else {
                        lines.add(line);
                    }
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    @Override
    public void close() throws InterruptedException {
        in.close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}

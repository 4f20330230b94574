package org.hotline.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real SIP from Debian's {@code sip-tester} (sipp) against a {@link ShippedAsterisk}: citizens calling
 * through the carrier trunk, agents' phones registering with digest authentication and answering.
 * Everything binds to 127.0.0.1 on free ports. Scenarios: {@code org/hotline/testsupport/sipp/}.
 *
 * <pre>{@code
 * Sipp.Run agents = Sipp.agents(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(3));
 * Sipp.register("127.0.0.1", asterisk.sipPort(), "a1001", password, agents.port());
 * Sipp.Result call = Sipp.citizenCall("127.0.0.1", asterisk.sipPort(), "12345", "13800138000", Duration.ofSeconds(40));
 * }</pre>
 */
public final class Sipp {

    private static final String SERVER = "sipp (Debian sip-tester)";
    private static final Pattern COUNTER = Pattern.compile("^\\s*(Successful call|Failed call)\\s*\\|\\s*\\d+\\s*\\|\\s*(\\d+)",
            Pattern.MULTILINE);

    private Sipp() {
    }

    /** Counts of a finished sipp: calls that ran the scenario to its end, and calls that did not. */
    public record Result(int successful, int failed, String output) {
    }

    /** A sipp running in the background (agents' phones, a load of citizens). */
    public static final class Run implements AutoCloseable {
        private final Process process;
        private final Path output;
        private final int port;

        private Run(Process process, Path output, int port) {
            this.process = process;
            this.output = output;
            this.port = port;
        }

        /** The SIP port this sipp listens on (the contact agents register). */
        public int port() {
            return port;
        }

        /** Waits for the end (sipp stops after its -m calls) and returns the counts. */
        public Result await(Duration timeout) {
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroy();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return result(output);
        }

        /** Stops sipp (SIGTERM: it prints its counts) and returns them. */
        @Override
        public void close() {
            process.destroy();
            await(Duration.ofSeconds(10));
        }

        public Result stop() {
            close();
            return result(output);
        }
    }

    /**
     * One citizen call through the carrier trunk to {@code number} (12345, 123452...) from {@code caller};
     * the citizen hangs up after {@code patience} unless the hotline ends the call first. Blocks until
     * the call is over.
     */
    public static Result citizenCall(String host, int sipPort, String number, String caller, Duration patience) {
        return citizens(host, sipPort, number, List.of(caller), 1, 1, patience).await(patience.plusSeconds(60));
    }

    /**
     * {@code count} citizen calls at {@code perSecond} new calls a second, callers taken in turn from
     * {@code callers}, each hanging up after {@code patience} unless the hotline ends the call first.
     */
    public static Run citizens(String host, int sipPort, String number, List<String> callers, double perSecond,
                               int count, Duration patience) {
        return calling(host, sipPort, number, callers, perSecond, count, "citizen.xml",
                Map.of("PATIENCE_MS", Long.toString(patience.toMillis())));
    }

    /**
     * Citizens whose {@code patience} is the wait for an agent only (greeting and queue, from Asterisk's
     * answer until the agent's answer, seen as Asterisk's connected-line re-INVITE); answered, they talk
     * until the hotline ends the call, at most {@code talkLimit}.
     */
    public static Run citizensWaitingInQueue(String host, int sipPort, String number, List<String> callers, double perSecond,
                                             int count, Duration patience, Duration talkLimit) {
        return calling(host, sipPort, number, callers, perSecond, count, "citizen-queue.xml",
                Map.of("PATIENCE_MS", Long.toString(patience.toMillis()), "TALK_LIMIT_MS", Long.toString(talkLimit.toMillis())));
    }

    private static Run calling(String host, int sipPort, String number, List<String> callers, double perSecond,
                               int count, String scenarioName, Map<String, String> values) {
        Path dir = workDir();
        StringBuilder csv = new StringBuilder("SEQUENTIAL\n");
        callers.forEach(c -> csv.append(c).append(";\n"));
        write(dir.resolve("callers.csv"), csv.toString());
        Path scenario = scenario(dir, scenarioName, values);
        int port = FreePort.pick();
        List<String> cmd = new ArrayList<>(List.of(binary(), host + ":" + sipPort, "-sf", scenario.toString(),
                "-inf", dir.resolve("callers.csv").toString(), "-s", number, "-i", "127.0.0.1", "-p", Integer.toString(port),
                "-mp", Integer.toString(FreePort.pick()), "-r", rate(perSecond), "-rp", ratePeriod(perSecond),
                "-m", Integer.toString(count), "-l", "100000", "-nostdin", "-trace_err", "-timeout_error"));
        return start(cmd, dir, port);
    }

    /**
     * Agents' phones: one sipp answering every call sent to it after a pause between {@code answerMin}
     * and {@code answerMax}, talking between {@code talkMin} and {@code talkMax}, then hanging up. Register
     * each agent with {@link #register} and contact {@link Run#port()}.
     */
    public static Run agents(Duration answerMin, Duration answerMax, Duration talkMin, Duration talkMax) {
        return answering(FreePort.pick(), answerMin, answerMax, talkMin, talkMax);
    }

    /**
     * The same answering phone on a given {@code port}: e.g. citizens called back through the carrier
     * trunk, whose contact (pjsip_local.conf {@code [carrier-aor](+)}) is fixed before Asterisk starts.
     */
    public static Run answering(int port, Duration answerMin, Duration answerMax, Duration talkMin, Duration talkMax) {
        Path dir = workDir();
        Path scenario = scenario(dir, "agent.xml", Map.of("ANSWER_MIN_MS", ms(answerMin), "ANSWER_MAX_MS", ms(answerMax),
                "TALK_MIN_MS", ms(talkMin), "TALK_MAX_MS", ms(talkMax)));
        List<String> cmd = List.of(binary(), "-sf", scenario.toString(), "-i", "127.0.0.1", "-p", Integer.toString(port),
                "-mp", Integer.toString(FreePort.pick()), "-l", "100000", "-nostdin", "-trace_err",
                // answers Asterisk's OPTIONS (qualify) with 200, as a phone does
                "-aa");
        return start(cmd, dir, port);
    }

    /**
     * A citizen's phone on {@code port} (the carrier trunk's contact) answering the automated voice
     * survey: answers after {@code answer}, presses {@code satisfaction} then {@code resolution} (SIP
     * INFO DTMF) and waits for the hotline to hang up; one call, then sipp ends.
     */
    public static Run surveyAnswering(int port, Duration answer, char satisfaction, char resolution) {
        Path dir = workDir();
        Path scenario = scenario(dir, "survey-citizen.xml", Map.of("ANSWER_MS", ms(answer), "KEY_PAUSE_MS", "1500",
                "KEY1", String.valueOf(satisfaction), "KEY2", String.valueOf(resolution)));
        List<String> cmd = List.of(binary(), "-sf", scenario.toString(), "-i", "127.0.0.1", "-p", Integer.toString(port),
                "-mp", Integer.toString(FreePort.pick()), "-m", "1", "-nostdin", "-trace_err", "-aa");
        return start(cmd, dir, port);
    }

    /** REGISTERs {@code user} (digest {@code password}) with the contact 127.0.0.1:{@code contactPort}; throws unless 200. */
    public static void register(String host, int sipPort, String user, String password, int contactPort) {
        registerAll(host, sipPort, Map.of(user, password), contactPort);
    }

    /** REGISTERs every user of {@code passwords} (user → password) with one contact port. */
    public static void registerAll(String host, int sipPort, Map<String, String> passwords, int contactPort) {
        Path dir = workDir();
        StringBuilder csv = new StringBuilder("SEQUENTIAL\n");
        passwords.forEach((user, password) -> csv.append(user).append(";[authentication username=").append(user)
                .append(" password=").append(password).append("];127.0.0.1:").append(contactPort).append(";\n"));
        write(dir.resolve("agents.csv"), csv.toString());
        Path scenario = scenario(dir, "register.xml", Map.of());
        int port = FreePort.pick();
        Result result = start(List.of(binary(), host + ":" + sipPort, "-sf", scenario.toString(), "-inf",
                dir.resolve("agents.csv").toString(), "-i", "127.0.0.1", "-p", Integer.toString(port),
                "-r", "50", "-m", Integer.toString(passwords.size()), "-nostdin", "-trace_err"), dir, port)
                .await(Duration.ofSeconds(60));
        if (result.successful() != passwords.size()) {
            throw new IllegalStateException("sipp registered " + result.successful() + " of " + passwords.size()
                    + " agents:\n" + result.output());
        }
    }

    private static Run start(List<String> command, Path dir, int port) {
        Path output = dir.resolve("sipp.out");
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "stop-sipp"));
            return new Run(process, output, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    private static Result result(Path output) {
        String text;
        try {
            text = Files.exists(output) ? Files.readString(output, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            text = "";
        }
        int successful = 0;
        int failed = 0;
        Matcher m = COUNTER.matcher(text);
        while (m.find()) { // the last screen holds the final counts
            if (m.group(1).startsWith("Successful")) {
                successful = Integer.parseInt(m.group(2));
            } else {
                failed = Integer.parseInt(m.group(2));
            }
        }
        String errors = "";
        try (var files = Files.list(output.getParent())) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith("_errors.log")).toList()) {
                errors += Files.readString(f, StandardCharsets.ISO_8859_1);
            }
        } catch (IOException ignored) {
            // counts are what matters
        }
        String tail = text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        return new Result(successful, failed, tail + errors);
    }

    private static String binary() {
        if (!HostCommand.available("sipp")) {
            if (Overrides.runningAsRoot()) {
                try {
                    HostCommand.run("apt-get", "-o", "DPkg::Lock::Timeout=300", "install", "-y", "sip-tester");
                } catch (RuntimeException e) {
                    System.err.println("[Sipp] apt-get install sip-tester failed: " + e.getMessage());
                }
            }
            if (!HostCommand.available("sipp")) {
                throw MissingServer.abort(SERVER, "sipp is missing (apt-get install -y sip-tester, as root)", "none");
            }
        }
        return "sipp";
    }

    private static Path scenario(Path dir, String name, Map<String, String> values) {
        try (InputStream in = Sipp.class.getResourceAsStream("sipp/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> v : values.entrySet()) {
                text = text.replace("@" + v.getKey() + "@", v.getValue());
            }
            Path file = dir.resolve(name);
            write(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path workDir() {
        try {
            Path dir = Files.createTempDirectory("hotline-sipp-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> Folders.delete(dir), "delete-sipp-dir"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String ms(Duration d) {
        return Long.toString(d.toMillis());
    }

    /** sipp's -r/-rp: calls per period; fractions of a call per second become calls per longer periods. */
    private static String rate(double perSecond) {
        return perSecond >= 1 ? Long.toString(Math.round(perSecond)) : "1";
    }

    private static String ratePeriod(double perSecond) {
        return perSecond >= 1 ? "1000" : Long.toString(Math.round(1000 / perSecond));
    }
}

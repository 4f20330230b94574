package org.hotline.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Map;
import org.hotline.testsupport.FreePort;
import org.hotline.testsupport.Sipp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real SIP against the real Asterisk 22 on the shipped configuration (docker/asterisk, no Local/
 * channel): citizens are sipp calling through the carrier trunk, agents are sipp phones that register
 * over PJSIP with the credentials the backend made at log-in (AgentPhones) and answer.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SipCallIT {

    private static TelephonyTestBed bed;
    /** Where the carrier trunk reaches citizens called back (a sipp answering there, when a test starts one). */
    private static int citizensPort;

    @BeforeAll
    static void start() throws Exception {
        citizensPort = FreePort.pick();
        bed = new TelephonyTestBed(TelephonyTestBed.SIP_AGENTS, Map.of("pjsip_local.conf",
                "[carrier-aor](+)\ncontact = sip:127.0.0.1:" + citizensPort + "\n"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (bed != null) {
            bed.close();
        }
    }

    @Test
    void aCitizenThroughTheCarrierTrunkIsAnsweredByAnAgentsRegisteredSipPhoneAndRecorded() throws Exception {
        String agent = "s1001";
        TelephonyTestBed.await(bed.telephony.control().login(agent, List.of("common")));
        try (Sipp.Run phones = Sipp.agents(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(3))) {
            Sipp.register("127.0.0.1", bed.sipPort(), agent, bed.telephony.control().phones().passwordOf(agent), phones.port());
            CompletableFuture<JsonObject> pop = bed.next("telephony.agent." + agent, m -> "13800000101".equals(m.getString("caller")));
            CompletableFuture<JsonObject> record = recordOf("13800000101");

            Sipp.Result citizen = Sipp.citizenCall("127.0.0.1", bed.sipPort(), "12345", "13800000101", Duration.ofSeconds(60));

            assertThat(citizen.successful()).as(citizen.output()).isEqualTo(1);
            assertThat(pop.completeOnTimeout(new JsonObject(), 45, TimeUnit.SECONDS).get().getString("queue"))
                    .as(() -> "no screen pop: " + bed.asterisk.cli("queue show common") + bed.asterisk.cli("pjsip show contacts")
                            + String.join("\n", bed.shipped.log()))
                    .isEqualTo("common");
            JsonObject r = record.get(45, TimeUnit.SECONDS);
            assertThat(r.getString("outcome")).isEqualTo("ANSWERED");
            assertThat(r.getString("agentId")).isEqualTo(agent);
            assertThat(r.getString("queue")).isEqualTo("common");
            assertThat(r.getString("hangupSide")).isEqualTo("AGENT");
            assertThat(Long.parseLong(r.getString("talkSeconds"))).isBetween(2L, 5L);
            assertThat(bed.callRecordsOf(r.getString("callId"))).hasSize(1);
            assertThat(r.getString("direction")).isEqualTo("INBOUND");
            assertThat(monitor(r.getString("recording"))).as("the queue's recording of the answered call").isRegularFile();
        } finally {
            TelephonyTestBed.await(bed.telephony.control().logout(agent));
        }
    }

    @Test
    void anAgentWhosePhoneIsNotRegisteredIsNotRungAndTheCitizenWaitsInTheQueue() throws Exception {
        String agent = "s1002";
        TelephonyTestBed.await(bed.telephony.control().login(agent, List.of("enterprise")));
        try {
            CompletableFuture<JsonObject> record = recordOf("13800000102");

            Sipp.Result citizen = Sipp.citizenCall("127.0.0.1", bed.sipPort(), "123452", "13800000102", Duration.ofSeconds(15));

            assertThat(citizen.successful()).as(citizen.output()).isEqualTo(1);
            JsonObject r = record.get(45, TimeUnit.SECONDS);
            assertThat(r.getString("outcome")).isEqualTo("ABANDONED");
            assertThat(r.getString("queue")).isEqualTo("enterprise");
            assertThat(r.getString("agentId")).isEmpty();
            assertThat(r.getString("recording")).isEmpty();
            assertThat(monitor("hotline-" + r.getString("callId") + ".wav")).as("no recording of an unanswered call").doesNotExist();
        } finally {
            TelephonyTestBed.await(bed.telephony.control().logout(agent));
        }
    }

    @Test
    void aPhoneWithAWrongPasswordCannotRegisterAsAnAgent() throws Exception {
        String agent = "s1003";
        TelephonyTestBed.await(bed.telephony.control().login(agent, List.of("dialect")));
        try (Sipp.Run phones = Sipp.agents(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> Sipp.register("127.0.0.1", bed.sipPort(), agent, "not-the-password", phones.port()))
                    .hasMessageContaining("registered 0 of 1");
        } finally {
            TelephonyTestBed.await(bed.telephony.control().logout(agent));
        }
    }

    @Test
    void theShippedConfigurationLoadsWithoutAWarningAboutItsOwnFiles() {
        List<String> complaints = bed.shipped.log().stream()
                .filter(line -> line.contains("WARNING") || line.contains("ERROR"))
                // optional modules' own files the hotline does not ship (geolocation.conf, stir_shaken.conf...)
                .filter(line -> !line.contains("Unable to load config file"))
                .filter(line -> line.matches(".*(queues\\.conf|pjsip\\.conf|extensions\\.conf|sorcery|rtp\\.conf|http\\.conf"
                        + "|musiconhold|res_musiconhold|app_queue|confbridge\\.conf|features\\.conf|manager\\.conf"
                        + "|Unknown keyword|file\\.c: File .* does not exist|acl\\.c: Unable to lookup).*"))
                .toList();
        assertThat(complaints).isEmpty();
        assertThat(bed.asterisk.cli("moh show files")).contains("File: /usr/share/asterisk/moh/");
        assertThat(bed.asterisk.cli("pjsip show transports")).contains("transport-udp").contains("transport-tcp")
                .contains("transport-ws");
    }

    @Test
    void everyPromptTheDialplanAndTheQueuesNameExistsInMandarin() throws Exception {
        Set<String> prompts = new LinkedHashSet<>();
        String dialplan = Files.readString(TelephonyTestBed.CONFIG_DIR.resolve("extensions.conf"), StandardCharsets.UTF_8);
        Matcher named = Pattern.compile("\\b(hotline/[a-z]+(?:-[a-z]+)*|digits/[0-9])\\b(?!-)").matcher(dialplan.replaceAll("(?m)^\\s*;.*$", ""));
        while (named.find()) {
            prompts.add(named.group(1));
        }
        // The status prompts the lookup chooses, and every digit of a ticket number.
        StatusPrompt.ALL.forEach(p -> prompts.add("hotline/status-" + p));
        for (int d = 0; d <= 9; d++) {
            prompts.add("digits/" + d);
        }
        String queues = Files.readString(TelephonyTestBed.CONFIG_DIR.resolve("queues.conf"), StandardCharsets.UTF_8);
        Matcher announced = Pattern.compile("(?m)^periodic-announce\\s*=\\s*(\\S+)").matcher(queues);
        while (announced.find()) {
            prompts.add(announced.group(1));
        }
        // What app_queue says on its own (position and expected wait), in the caller's language.
        prompts.addAll(List.of("queue-youarenext", "queue-thereare", "queue-callswaiting", "queue-holdtime",
                "queue-minutes", "queue-thankyou"));
        assertThat(prompts).contains("hotline/greeting", "hotline/progress-enter", "hotline/progress-agent");

        List<String> missing = new ArrayList<>();
        for (String prompt : prompts) {
            if (!Files.isRegularFile(bed.shipped.sound("zh/" + prompt)) || Files.size(bed.shipped.sound("zh/" + prompt)) < 1000) {
                missing.add(prompt);
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void aCallbackIsOneOutboundCallAndLeavesTheListOnlyWhenTheCitizenAnswers() throws Exception {
        String agent = "s1004";
        CompletableFuture<JsonObject> missedRecord = recordOf("13800000104");
        Sipp.citizenCall("127.0.0.1", bed.sipPort(), "123453", "13800000104", Duration.ofSeconds(4));
        String missed = missedRecord.get(45, TimeUnit.SECONDS).getString("callId");
        assertThat(TelephonyTestBed.await(bed.telephony.store().callback(missed)).getString("caller")).isEqualTo("13800000104");

        TelephonyTestBed.await(bed.telephony.control().login(agent, List.of("common")));
        // The agent's phone answers after 1 s and hangs up 6 s later.
        try (Sipp.Run phone = Sipp.agents(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(6), Duration.ofSeconds(6))) {
            Sipp.register("127.0.0.1", bed.sipPort(), agent, bed.telephony.control().phones().passwordOf(agent), phone.port());

            // 1. The citizen's phone rings but nobody picks up before the agent gives up: still to call back.
            try (Sipp.Run citizen = Sipp.answering(citizensPort, Duration.ofSeconds(60), Duration.ofSeconds(60),
                    Duration.ofSeconds(1), Duration.ofSeconds(1))) {
                JsonObject unanswered = outbound(agent, missed);
                assertThat(unanswered.getString("outcome")).isEqualTo("NO_ANSWER");
                assertThat(unanswered.getString("abandoned")).isEqualTo("false");
                assertThat(TelephonyTestBed.await(bed.telephony.store().callback(missed)).getString("callId")).isEqualTo(missed);
            }

            // 2. The citizen answers after 1 s and hangs up 2 s later: the entry leaves the list.
            try (Sipp.Run citizen = Sipp.answering(citizensPort, Duration.ofSeconds(1), Duration.ofSeconds(1),
                    Duration.ofSeconds(2), Duration.ofSeconds(2))) {
                JsonObject answered = outbound(agent, missed);
                assertThat(answered.getString("outcome")).isEqualTo("ANSWERED");
                assertThat(answered.getString("caller")).isEqualTo("13800000104");
                assertThat(answered.getString("queue")).isEmpty();
                assertThat(bed.callRecordsOf(answered.getString("callId"))).hasSize(1);
                assertThat(TelephonyTestBed.await(bed.telephony.store().callbacks(0, 200)).callbacks())
                        .noneSatisfy(c -> assertThat(c.getString("callId")).isEqualTo(missed));
            }
            // No phantom: the carrier legs of the callbacks made no incoming record.
            assertThat(bed.redis.sync().xrange(org.hotline.core.stream.RedisKeys.CALL_RECORDS, io.lettuce.core.Range.create("-", "+"))
                    .stream().map(m -> m.getBody()).filter(b -> "INBOUND".equals(b.get("direction"))
                            && ("12345".equals(b.get("caller")) || b.get("caller").isEmpty())).toList()).isEmpty();
        } finally {
            TelephonyTestBed.await(bed.telephony.control().logout(agent));
        }
    }

    /**
     * Places the callback of {@code missed} through {@code agent}; while it is under way a second
     * callback through the same agent is refused (the agent is on a call); returns its record.
     */
    private JsonObject outbound(String agent, String missed) throws Exception {
        String entryCaller = TelephonyTestBed.await(bed.telephony.store().callback(missed)).getString("caller");
        CompletableFuture<JsonObject> record = bed.next(TelephonyVerticle.RECORDED_ADDRESS,
                m -> "OUTBOUND".equals(m.getString("direction")) && ("callback:" + missed).equals(m.getString("purpose")));
        String callId = TelephonyTestBed.await(bed.telephony.control().callAs(agent, entryCaller, CallPurpose.callback(missed), Map.of()));

        Throwable refused = TelephonyTestBed.await(bed.telephony.control().callAs(agent, entryCaller, CallPurpose.callback(missed), Map.of())
                .<Throwable>map(v -> null).otherwise(f -> f));
        assertThat(refused).isInstanceOf(org.hotline.core.error.HotlineException.class).hasMessageContaining("正在通话中");

        JsonObject r = record.get(45, TimeUnit.SECONDS);
        assertThat(r.getString("callId")).isEqualTo(callId);
        assertThat(r.getString("agentId")).isEqualTo(agent);
        return r;
    }

    private static java.nio.file.Path monitor(String recording) {
        return bed.asterisk.instanceDir().resolve("spool/monitor").resolve(recording);
    }

    private CompletableFuture<JsonObject> recordOf(String caller) {
        return bed.next(TelephonyVerticle.RECORDED_ADDRESS, m -> caller.equals(m.getString("caller")));
    }
}

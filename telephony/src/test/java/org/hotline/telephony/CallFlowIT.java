package org.hotline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Whole calls through the real Asterisk 22 with the project's dialplan: citizens and agents are
 * Local/ channels, records land in real Redis.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class CallFlowIT {

    private static TelephonyTestBed bed;

    @BeforeAll
    static void start() throws Exception {
        bed = new TelephonyTestBed();
    }

    @AfterAll
    static void stop() throws Exception {
        if (bed != null) {
            bed.close();
        }
    }

    @Test
    void aQueuedAndAnsweredCallPopsTheCallerOnTheAgentsScreenAndIsRecordedWithItsTicket() throws Exception {
        TelephonyTestBed.await(bed.telephony.control().login("a1001", List.of("common")));
        try {
            CompletableFuture<JsonObject> pop = bed.next("telephony.agent.a1001", m -> "13900000001".equals(m.getString("caller")));
            CompletableFuture<JsonObject> record = recordOf("13900000001");

            bed.call("12345", "13900000001", "hold", Map.of());

            JsonObject screen = pop.get(45, TimeUnit.SECONDS);
            TelephonyTestBed.await(bed.vertx.eventBus().request(TelephonyVerticle.LINK_TICKET_ADDRESS,
                    new JsonObject().put("callId", screen.getString("callId")).put("ticketId", "t-20261122-1")));
            assertThat(screen.getString("type")).isEqualTo("screen-pop");
            assertThat(screen.getString("queue")).isEqualTo("common");
            assertThat(screen.getJsonArray("tickets")).hasSize(1);
            JsonObject r = record.get(45, TimeUnit.SECONDS);
            assertThat(r.getString("callId")).isEqualTo(screen.getString("callId"));
            assertThat(r.getString("outcome")).isEqualTo("ANSWERED");
            assertThat(r.getString("agentId")).isEqualTo("a1001");
            assertThat(r.getString("queue")).isEqualTo("common");
            assertThat(r.getString("hangupSide")).isEqualTo("AGENT");
            assertThat(r.getString("recording")).startsWith("hotline-").endsWith(".wav");
            assertThat(r.getString("ticketIds")).isEqualTo("t-20261122-1");
            assertThat(Long.parseLong(r.getString("talkSeconds"))).isBetween(1L, 4L);
            assertThat(bed.callRecordsOf(r.getString("callId"))).hasSize(1);
        } finally {
            TelephonyTestBed.await(bed.telephony.control().logout("a1001"));
        }
    }

    @Test
    void aCallerWhoHangsUpInTheQueueIsOnTheCallbackList() throws Exception {
        CompletableFuture<JsonObject> record = recordOf("13900000002");

        // long enough to reach the queue through the AGI even on a loaded machine (at 7 s it once hung up before)
        bed.call("123453", "13900000002", "hold", Map.of("HOTLINE_SIM_HOLD", "15"));

        JsonObject r = record.get(45, TimeUnit.SECONDS);
        assertThat(r.getString("outcome")).isEqualTo("ABANDONED");
        assertThat(r.getString("queue")).isEqualTo("dialect");
        assertThat(r.getString("hangupSide")).isEqualTo("CALLER");
        List<JsonObject> callbacks = TelephonyTestBed.await(bed.telephony.store().callbacks(0, 200)).callbacks();
        assertThat(callbacks).anySatisfy(c -> {
            assertThat(c.getString("callId")).isEqualTo(r.getString("callId"));
            assertThat(c.getString("caller")).isEqualTo("13900000002");
        });
    }

    @Test
    void aBlockedNumberIsRefusedPerPolicyAndStillRecorded() throws Exception {
        TelephonyTestBed.await(bed.telephony.store().block("13700000003"));
        CompletableFuture<JsonObject> record = recordOf("13700000003");

        bed.call("12345", "13700000003", "hold", Map.of());

        JsonObject r = record.get(45, TimeUnit.SECONDS);
        assertThat(r.getString("outcome")).isEqualTo("BLOCKED");
        assertThat(r.getString("queue")).isEmpty();
    }

    @Test
    void theProgressLookupReadsTheStateOfTheTicketKeyedByDtmf() throws Exception {
        CompletableFuture<JsonObject> lookup = bed.next(HotlineAgiServer.PROGRESS_ADDRESS, m -> true);
        CompletableFuture<JsonObject> record = recordOf("13900000004");

        bed.call("12345", "13900000004", "progress", Map.of("HOTLINE_SIM_DIGITS", TelephonyTestBed.KNOWN_TICKET_DIGITS));

        JsonObject looked = lookup.get(45, TimeUnit.SECONDS);
        assertThat(looked.getString("digits")).isEqualTo(TelephonyTestBed.KNOWN_TICKET_DIGITS);
        assertThat(looked.getString("status")).isEqualTo("HANDLING");
        JsonObject r = record.get(45, TimeUnit.SECONDS);
        assertThat(r.getString("outcome")).isEqualTo("SELF_SERVICE");
        assertThat(r.getString("queue")).isEmpty();
    }

    @Test
    void pressingZeroAfterTheProgressLookupPutsTheCitizenInTheQueue() throws Exception {
        CompletableFuture<JsonObject> record = recordOf("13900000009");

        bed.call("12345", "13900000009", "progress", Map.of("HOTLINE_SIM_DIGITS", TelephonyTestBed.KNOWN_TICKET_DIGITS,
                "HOTLINE_SIM_AFTER", "0"));

        JsonObject r = record.get(45, TimeUnit.SECONDS);
        assertThat(r.getString("queue")).isEqualTo("common");
        assertThat(r.getString("outcome")).isEqualTo("ABANDONED");
    }

    @Test
    void aBlindTransferTo110IsRecorded() throws Exception {
        TelephonyTestBed.await(bed.telephony.control().login("l2001", List.of("enterprise")));
        try {
            CompletableFuture<JsonObject> pop = bed.next("telephony.agent.l2001", m -> true);
            CompletableFuture<JsonObject> record = recordOf("13900000005");
            bed.call("123452", "13900000005", "hold", Map.of("HOTLINE_SIM_HOLD", "10"));
            String callId = pop.get(45, TimeUnit.SECONDS).getString("callId");

            JsonObject reply = TelephonyTestBed.await(bed.vertx.eventBus().<JsonObject>request(TelephonyVerticle.TRANSFER_ADDRESS,
                    new JsonObject().put("callId", callId).put("target", "110"))).body();

            assertThat(reply.getBoolean("ok")).isTrue();
            JsonObject r = record.get(45, TimeUnit.SECONDS);
            assertThat(r.getString("agentId")).isEqualTo("l2001");
            assertThat(r.getString("transfers")).isEqualTo("110");
            assertThat(r.getString("hangupSide")).isEqualTo("TRANSFER");
        } finally {
            TelephonyTestBed.await(bed.telephony.control().logout("l2001"));
        }
    }

    @Test
    void aThreeWayCallWith110IsRecorded() throws Exception {
        TelephonyTestBed.await(bed.telephony.control().login("l2002", List.of("enterprise")));
        try {
            CompletableFuture<JsonObject> pop = bed.next("telephony.agent.l2002", m -> true);
            CompletableFuture<JsonObject> record = recordOf("13900000006");
            bed.call("123452", "13900000006", "hold", Map.of("HOTLINE_SIM_HOLD", "10"));
            String callId = pop.get(45, TimeUnit.SECONDS).getString("callId");

            JsonObject reply = TelephonyTestBed.await(bed.vertx.eventBus().<JsonObject>request(TelephonyVerticle.CONFERENCE_ADDRESS,
                    new JsonObject().put("callId", callId).put("target", "110"))).body();

            assertThat(reply.getBoolean("ok")).isTrue();
            JsonObject r = record.get(45, TimeUnit.SECONDS);
            assertThat(r.getString("conference")).isEqualTo("110");
            assertThat(r.getString("agentId")).isEqualTo("l2002");
        } finally {
            TelephonyTestBed.await(bed.telephony.control().logout("l2002"));
        }
    }

    private static CompletableFuture<JsonObject> recordOf(String caller) {
        return bed.next(TelephonyVerticle.RECORDED_ADDRESS, m -> caller.equals(m.getString("caller")));
    }
}

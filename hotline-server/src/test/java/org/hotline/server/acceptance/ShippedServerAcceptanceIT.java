package org.hotline.server.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.hotline.server.acceptance.Deployment.Client;
import org.hotline.server.cluster.ServerNode;
import org.hotline.server.system.HistorySeed;
import org.hotline.testsupport.Sipp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The shipped server, end to end (issue 15): the packaged jar as users run it, two clustered nodes with
 * every integration on at once ({@link Deployment}), asserted from outside only: HTTP on both nodes,
 * and the 110 peer's own records. Each step files its tickets on one node and works them on the other.
 *
 * <p>The phone ticket is a real SIP call: sipp as the citizen through the shipped carrier trunk, sipp
 * as the agent's phone registered with the credentials the server handed out at the agent's log-in;
 * the agent learns the call from the screen pop (server-sent events) as the console does.
 *
 * <p>Return visits without an agent (issue 22): the voice survey calls the citizen through the carrier
 * trunk, where sipp answers and presses keys; a citizen who does not answer gets the SMS survey from the
 * SMS center process and answers it by SMS. Judged by HTTP, the SMS center's records and sipp.
 */
@Timeout(1200)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShippedServerAcceptanceIT {

    private static final Duration PATIENCE = Duration.ofMinutes(3);
    /** The health check that warns about missing holiday years (issue 18): advisory, not a dependency. */
    private static final String CALENDAR = "calendar";
    static Deployment deployment;
    static final List<String> filed = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startEverything() throws Exception {
        deployment = Deployment.start(HistorySeed.importBody());
    }

    @AfterAll
    static void stopEverything() {
        if (deployment != null) {
            deployment.close();
        }
    }

    @Test
    @Order(1)
    void readinessOnBothNodesListsEveryDependencyUp() throws Exception {
        for (ServerNode node : deployment.nodes()) {
            JsonObject health = await(PATIENCE, "every dependency UP on " + node.url("/"), () -> {
                var response = Deployment.send(node, null, "GET", "/health/ready", null, null);
                JsonObject body = new JsonObject(response.body());
                boolean allUp = body.getJsonArray("dependencies").stream().map(JsonObject.class::cast)
                        .filter(d -> !CALENDAR.equals(d.getString("name")))
                        .allMatch(d -> "UP".equals(d.getString("status")));
                return response.statusCode() == 200 && allUp ? body : null;
            });

            assertThat(health.getJsonArray("dependencies").stream().map(JsonObject.class::cast)
                    .filter(d -> !CALENDAR.equals(d.getString("name")))
                    .collect(Collectors.toMap(d -> d.getString("name"), d -> d.getString("status"))))
                    .containsEntry("redis", "UP").containsEntry("search", "UP").containsEntry("telephony", "UP")
                    .containsEntry("link110", "UP").containsEntry("sms", "UP")
                    .allSatisfy((name, status) -> assertThat(status).as(name).isEqualTo("UP"));
            // the holiday data is not a dependency: a missing year is a warning that never holds readiness back
            assertThat(health.getJsonArray("dependencies").stream().map(JsonObject.class::cast)
                    .filter(d -> CALENDAR.equals(d.getString("name")))).allSatisfy(d -> assertThat(d.getBoolean("required")).isFalse());
            assertThat(health.encode()).contains("external");
        }
    }

    @Test
    @Order(2)
    void aWebAppealGoesThroughAutoDispatchDepartmentReplyReturnVisitAndClose() throws Exception {
        JsonObject text = HistorySeed.lines().get(0);
        Client citizenOnA = new Client(deployment.nodeA, null);
        JsonObject receipt = citizenOnA.expect(201, "POST", "/api/v1/appeals", "application/json", new JsonObject()
                .put("title", text.getString("title")).put("content", text.getString("content")).put("appealType", "COMPLAINT")
                .put("phone", "13700000001").put("name", "市民甲").put("district", "东城区").put("address", "人民路1号")
                .put("idempotencyKey", "acceptance-web-1").encode());
        filed.add(receipt.getString("ticketNumber"));

        Client agent = deployment.staff(deployment.nodeB, "agent-acc", "AGENT", null);
        Client supervisor = deployment.staff(deployment.nodeB, "supervisor-acc", "SUPERVISOR", null);
        String id = await(PATIENCE, "the ticket listed for the agent on node B", () -> agent.get("/api/v1/tickets?phone=13700000001")
                .getJsonArray("items").stream().map(JsonObject.class::cast).map(t -> t.getString("id")).findFirst().orElse(null));
        JsonObject assigned = await(PATIENCE, "automatic dispatch assigned the ticket", () -> {
            JsonObject ticket = agent.get("/api/v1/tickets/" + id);
            return "ASSIGNED".equals(ticket.getString("status")) ? ticket : null;
        });
        String lead = assigned.getString("leadDepartment");
        assertThat(lead).as("lead department chosen without a dispatcher").isNotBlank();

        Client department = deployment.staff(deployment.nodeB, "dept-acc", "DEPARTMENT", lead);
        replyVisitAndClose(id, department, agent, supervisor);

        JsonObject progress = citizenOnA.get("/api/v1/appeals/" + receipt.getString("ticketNumber") + "?queryCode=" + receipt.getString("queryCode"));
        assertThat(progress.getString("status")).as("what the citizen sees on node A").isEqualTo("CLOSED");
        assertThat(progress.getJsonObject("reply").getString("text")).contains("问题已解决");
    }

    @Test
    @Order(3)
    void anEmergencyGoesTo110AndItsResultComesBackOntoTheTicketsTransfer() throws Exception {
        Client citizenOnB = new Client(deployment.nodeB, null);
        JsonObject receipt = citizenOnB.expect(201, "POST", "/api/v1/appeals", "application/json", new JsonObject()
                .put("title", "有人正在撬我家门").put("content", "小偷还在楼道里，我一个人在家很害怕").put("appealType", "REPORT")
                .put("phone", "13700000002").put("name", "市民乙").put("district", "南关区").put("address", "长江路12号")
                .put("idempotencyKey", "acceptance-emergency-1").encode());
        String number = receipt.getString("ticketNumber");
        filed.add(number);
        assertThat(receipt.getString("advice")).as("the citizen is told to call 110").contains("110");

        Client supervisor = deployment.login(deployment.nodeA, "supervisor-acc", Deployment.STAFF_PASSWORD);
        JsonObject transfer = await(PATIENCE, () -> "the transfer of " + number + " RESULTED on node A; transfers "
                + supervisor.get("/api/v1/linkage/110/transfers").encode() + "; stats " + supervisor.get("/api/v1/linkage/110/stats").encode()
                + "; the peer's records " + deployment.peer110.state().encode(), () -> supervisor
                .get("/api/v1/linkage/110/transfers").getJsonArray("items", new JsonArray()).stream().map(JsonObject.class::cast)
                .filter(t -> number.equals(t.getString("sourceRef")) && "RESULTED".equals(t.getString("status")))
                .findFirst().orElse(null));

        assertThat(transfer.getString("resultText")).isEqualTo("民警已到场处置完毕");
        assertThat(deployment.peer110.state().getJsonArray("orders").stream().map(JsonObject.class::cast))
                .as("the 110 peer's own record of the order").anySatisfy(order -> assertThat(order.encode()).contains(number));
    }

    @Test
    @Order(4)
    void aPhoneTicketGoesThroughAutoDispatchReplyReturnVisitAndClose() throws Exception {
        String agentId = "agentphone"; // a telephony agent id is [0-9a-z]{1,32}, the staff account the same name
        String caller = "13700000003";
        Client agent = deployment.staff(deployment.nodeA, agentId, "AGENT", null);
        JsonObject sip = agent.post("/api/telephony/agents/" + agentId + "/login",
                new JsonObject().put("queues", new JsonArray().add("common"))).getJsonObject("sip");
        assertThat(sip.getString("password")).as("the server hands the agent's phone its SIP credentials").isNotBlank();
        try (ScreenPops pops = ScreenPops.open(deployment.nodeA, agent.token(), agentId);
             Sipp.Run phone = Sipp.agents(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(4), Duration.ofSeconds(6))) {
            Sipp.register("127.0.0.1", deployment.shipped.sipPort(), sip.getString("username"), sip.getString("password"), phone.port());

            Sipp.Result citizen = Sipp.citizenCall("127.0.0.1", deployment.shipped.sipPort(), "12345", caller, Duration.ofSeconds(60));

            assertThat(citizen.successful()).as(citizen.output()).isEqualTo(1);
            JsonObject pop = pops.await(caller, PATIENCE);
            JsonObject text = HistorySeed.lines().get(1);
            JsonObject ticket = agent.expect(201, "POST", "/api/v1/tickets", "application/json", new JsonObject()
                    .put("channel", "PHONE").put("callId", pop.getString("callId")).put("title", text.getString("title"))
                    .put("content", text.getString("content")).put("appealType", "COMPLAINT").put("phone", caller)
                    .put("name", "市民丙").put("district", "东城区").put("address", "人民路3号").encode());
            filed.add(ticket.getString("number"));
            String id = ticket.getString("id");
            assertThat(ticket.getString("channel")).isEqualTo("PHONE");
            assertThat(ticket.getJsonArray("callIds")).as("the ticket names the call it came from").contains(pop.getString("callId"));

            Client supervisor = deployment.login(deployment.nodeB, "supervisor-acc", Deployment.STAFF_PASSWORD);
            JsonObject assigned = await(PATIENCE, "automatic dispatch assigned the phone ticket", () -> {
                JsonObject now = supervisor.get("/api/v1/tickets/" + id);
                return "ASSIGNED".equals(now.getString("status")) ? now : null;
            });
            Client department = deployment.staff(deployment.nodeB, "dept-phone", "DEPARTMENT", assigned.getString("leadDepartment"));
            replyVisitAndClose(id, department, agent, supervisor);
            assertThat(supervisor.get("/api/v1/tickets/" + id).getString("status")).isEqualTo("CLOSED");

            // the call's record, read on the other node, names the ticket; the answered call's recording streams
            String callId = pop.getString("callId");
            JsonObject record = await(PATIENCE, "the call's record lists the ticket filed on it", () -> {
                HttpResponse<String> read = Deployment.send(deployment.nodeB, supervisor.token(), "GET", "/api/telephony/calls/" + callId,
                        null, null);
                JsonObject body = read.statusCode() == 200 ? new JsonObject(read.body()) : null;
                return body != null && body.getJsonArray("ticketIds", new JsonArray()).contains(id) ? body : null;
            });
            assertThat(record.getBoolean("hasRecording")).as("an answered call is recorded: %s", record).isTrue();
            HttpResponse<String> recording = Deployment.send(deployment.nodeB, supervisor.token(), "GET",
                    "/api/telephony/calls/" + callId + "/recording", null, null);
            assertThat(recording.statusCode()).as(recording.body()).isEqualTo(200);
            assertThat(recording.headers().firstValue("Content-Type")).hasValue("audio/wav");
            // a WAV file as Asterisk's MixMonitor wrote it (these sipp phones send no RTP, so it holds the header only)
            assertThat(recording.body()).as("a WAV file").startsWith("RIFF").contains("WAVE");
        } finally {
            agent.post("/api/telephony/agents/" + agentId + "/logout", new JsonObject());
        }
    }

    @Test
    @Order(5)
    void searchAndReportsOnBothNodesSeeEveryTicket() throws Exception {
        assertThat(filed).as("the steps before filed tickets").hasSize(3);
        Set<String> expected = Set.copyOf(filed);
        for (ServerNode node : deployment.nodes()) {
            Client supervisor = deployment.login(node, "supervisor-acc", Deployment.STAFF_PASSWORD);
            Set<String> found = await(PATIENCE, "search on " + node.url("/") + " finds " + expected, () -> {
                Set<String> numbers = supervisor.get("/api/v1/search/tickets?size=100").getJsonArray("hits").stream()
                        .map(JsonObject.class::cast).map(hit -> hit.getString("number")).collect(Collectors.toSet());
                return numbers.containsAll(expected) ? numbers : null;
            });
            assertThat(found).containsAll(expected);
            JsonObject report = supervisor.get("/api/v1/reports/center");
            assertThat(report.getInteger("tickets")).as("tickets in the center report of " + node.url("/"))
                    .isGreaterThanOrEqualTo(expected.size());
        }
        Client onA = deployment.login(deployment.nodeA, "supervisor-acc", Deployment.STAFF_PASSWORD);
        Client onB = deployment.login(deployment.nodeB, "supervisor-acc", Deployment.STAFF_PASSWORD);
        assertThat(onA.get("/api/v1/reports/center").getInteger("tickets"))
                .as("both nodes report from the same index").isEqualTo(onB.get("/api/v1/reports/center").getInteger("tickets"));
    }

    @Test
    @Order(6)
    void aCitizenWhoAnswersTheVoiceSurveyCallWithKeysHasThemRecordedAsTheReturnVisit() throws Exception {
        String phone = Deployment.SURVEYED_CITIZEN;
        try (Sipp.Run citizen = Sipp.surveyAnswering(deployment.surveyedCitizenPort, Duration.ofSeconds(1), '2', '1')) {
            Client supervisor = deployment.login(deployment.nodeB, "supervisor-acc", Deployment.STAFF_PASSWORD);
            String id = repliedAndAccepted(phone, "acceptance-voice-1", "dept-voice", supervisor);

            JsonObject visited = visited(id, supervisor);

            assertThat(visited.getJsonArray("visits")).hasSize(1);
            JsonObject visit = visited.getJsonArray("visits").getJsonObject(0);
            assertThat(visit.getString("satisfaction")).isEqualTo("BASICALLY_SATISFIED");
            assertThat(visit.getString("resolution")).isEqualTo("RESOLVED");
            assertThat(visit.getString("note")).isEqualTo("语音回访");
            Sipp.Result call = citizen.await(Duration.ofSeconds(60));
            assertThat(call.successful()).as("the citizen's phone took the survey call to its end: %s", call.output()).isEqualTo(1);
            assertThat(deployment.smsc.messagesTo(phone)).as("no SMS survey after a voice visit").noneMatch(t -> t.contains("回访"));
        }
    }

    @Test
    @Order(7)
    void aCitizenWhoDoesNotAnswerTheSurveyCallAnswersTheSmsSurveyAndThatIsTheReturnVisit() throws Exception {
        String phone = "13700000007"; // nobody answers at the carrier's contact: the call is not answered
        Client supervisor = deployment.login(deployment.nodeB, "supervisor-acc", Deployment.STAFF_PASSWORD);
        String id = repliedAndAccepted(phone, "acceptance-sms-1", "dept-sms", supervisor);
        String number = supervisor.get("/api/v1/tickets/" + id).getString("number");

        String survey = deployment.smsc.awaitMessage(phone, t -> t.contains("回访"), PATIENCE);
        assertThat(survey).contains(number);
        deployment.smsc.citizenSends(phone, "3");

        JsonObject visited = visited(id, supervisor);
        assertThat(visited.getJsonArray("visits").getJsonObject(0).getString("satisfaction")).isEqualTo("DISSATISFIED");
        assertThat(deployment.smsc.awaitMessage(phone, t -> t.contains("感谢"), PATIENCE)).contains(number);
        assertThat(deployment.smsc.messagesTo(phone)).as("receipt and reply notice reached the phone too")
                .anyMatch(t -> t.contains("已受理")).anyMatch(t -> t.contains("已办结答复"));
    }

    /** A citizen's web appeal, assigned automatically, replied by its lead department, the reply accepted: it awaits its visit. */
    private static String repliedAndAccepted(String phone, String key, String departmentUser, Client supervisor) throws Exception {
        JsonObject text = HistorySeed.lines().get(0);
        new Client(deployment.nodeA, null).expect(201, "POST", "/api/v1/appeals", "application/json", new JsonObject()
                .put("title", text.getString("title")).put("content", text.getString("content")).put("appealType", "COMPLAINT")
                .put("phone", phone).put("name", "市民丁").put("district", "东城区").put("address", "人民路6号")
                .put("idempotencyKey", key).encode());
        String id = await(PATIENCE, "the appeal of " + phone + " listed", () -> supervisor.get("/api/v1/tickets?phone=" + phone)
                .getJsonArray("items").stream().map(JsonObject.class::cast).map(t -> t.getString("id")).findFirst().orElse(null));
        JsonObject assigned = await(PATIENCE, "automatic dispatch assigned the ticket of " + phone, () -> {
            JsonObject ticket = supervisor.get("/api/v1/tickets/" + id);
            return "ASSIGNED".equals(ticket.getString("status")) ? ticket : null;
        });
        Client department = deployment.staff(deployment.nodeB, departmentUser, "DEPARTMENT", assigned.getString("leadDepartment"));
        department.post(path(id, "sign"), new JsonObject());
        department.post(path(id, "reply"), new JsonObject().put("text", "已派人到现场处理，问题已解决。").put("result", "RESOLVED"));
        supervisor.post(path(id, "accept-reply"), new JsonObject().put("reason", "答复完整"));
        return id;
    }

    private static JsonObject visited(String id, Client supervisor) throws Exception {
        return await(PATIENCE, () -> "the ticket visited without an agent; events "
                + supervisor.get("/api/v1/tickets/" + id + "/events").encode(), () -> {
            JsonObject ticket = supervisor.get("/api/v1/tickets/" + id);
            return "REVISITED".equals(ticket.getString("status")) ? ticket : null;
        });
    }

    /** The department signs and replies, the supervisor accepts the reply, the agent records the visit, the supervisor closes. */
    private static void replyVisitAndClose(String id, Client department, Client agent, Client supervisor) throws Exception {
        department.post(path(id, "sign"), new JsonObject());
        department.post(path(id, "reply"), new JsonObject().put("text", "已派人到现场处理，问题已解决。").put("result", "RESOLVED"));
        supervisor.post(path(id, "accept-reply"), new JsonObject().put("reason", "答复完整"));
        agent.post(path(id, "revisit"), new JsonObject().put("resolution", "RESOLVED").put("satisfaction", "SATISFIED"));
        supervisor.post(path(id, "close"), new JsonObject().put("reason", "已回访，群众满意"));
    }

    private static String path(String id, String action) {
        return "/api/v1/tickets/" + id + "/" + action;
    }

    interface Probe<T> {
        T value() throws Exception;
    }

    /** Polls until the probe answers non-null (the work behind it is asynchronous: stream consumers, the 110 outbox). */
    static <T> T await(Duration patience, String what, Probe<T> probe) throws Exception {
        return await(patience, () -> what, probe);
    }

    /** As above, {@code what} computed only on failure (it may describe the state found). */
    static <T> T await(Duration patience, Probe<String> what, Probe<T> probe) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                T value = probe.value();
                if (value != null) {
                    return value;
                }
            } catch (Exception | AssertionError e) {
                last = e instanceof Exception ex ? ex : new IllegalStateException(e);
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        String described;
        try {
            described = what.value();
        } catch (Exception e) {
            described = "(cannot describe: " + e + ")";
        }
        throw new AssertionError("not seen within " + patience + ": " + described, last);
    }
}

package org.hotline.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hotline.core.attachment.AttachmentConfig;
import org.hotline.core.audit.AuditLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Evidence files over real HTTP on real Redis and a real folder: uploads, references from contacts and replies, downloads. */
@Timeout(120)
class AttachmentsIT {

    static final byte[] JPEG = bytes(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0}, "JFIF 路灯照片");
    static final byte[] PDF = bytes("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), "整改报告");

    private static ApiTestServer server;
    private static Path folder;
    private static String dispatcher;
    private static String urban;
    private static String housing;

    @BeforeAll
    static void start() throws IOException {
        folder = Files.createTempDirectory("hotline-attachments-it");
        server = new ApiTestServer(13, config -> config.withAttachments(new AttachmentConfig(folder, 4096, 3)));
        dispatcher = server.login("dispatcher1", ApiTestServer.DEMO_PASSWORD);
        urban = server.login("urban1", ApiTestServer.DEMO_PASSWORD);
        housing = server.login("housing1", ApiTestServer.DEMO_PASSWORD);
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    static byte[] bytes(byte[] head, String rest) {
        byte[] tail = rest.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    static HttpResponse<Buffer> upload(String path, String token, String fileName, byte[] content) {
        HttpRequest<Buffer> request = server.client.request(HttpMethod.POST, path).addQueryParam("fileName", fileName)
            .putHeader("Content-Type", "application/octet-stream");
        if (token != null) {
            request.bearerTokenAuthentication(token);
        }
        return ApiTestServer.await(request.sendBuffer(Buffer.buffer(content)));
    }

    static String idOf(String phone, String number) {
        return server.get("/api/v1/tickets?phone=" + phone, dispatcher).bodyAsJsonObject().getJsonArray("items").stream()
            .map(JsonObject.class::cast).filter(t -> t.getString("number").equals(number)).findFirst().orElseThrow().getString("id");
    }

    static String signedByUrban(String phone) {
        JsonObject receipt = server.ok("/api/v1/appeals", null, TicketFlowsIT.appeal(phone, "路灯不亮"));
        String id = idOf(phone, receipt.getString("ticketNumber"));
        server.ok("/api/v1/tickets/" + id + "/classify", dispatcher, new JsonObject().put("categoryCode", "010101"));
        server.ok("/api/v1/tickets/" + id + "/assign", dispatcher, new JsonObject().put("lead", "urban"));
        server.ok("/api/v1/tickets/" + id + "/sign", urban, new JsonObject());
        return id;
    }

    @Test
    void aDepartmentAttachesEvidenceToItsContactAndReplyAndTheCenterDownloadsItWithSafeHeaders() {
        String id = signedByUrban("13800138101");
        JsonObject photo = upload("/api/v1/tickets/" + id + "/attachments", urban, "现场照片.jpg", JPEG).bodyAsJsonObject();
        JsonObject report = upload("/api/v1/tickets/" + id + "/attachments", urban, "整改报告.pdf", PDF).bodyAsJsonObject();

        server.ok("/api/v1/tickets/" + id + "/contact", urban, new JsonObject().put("note", "已电话联系市民")
            .put("attachments", new JsonArray().add(photo.getString("id"))));
        server.ok("/api/v1/tickets/" + id + "/reply", urban, new JsonObject().put("text", "已更换灯泡").put("result", "RESOLVED")
            .put("attachments", new JsonArray().add(report.getString("id"))));
        JsonArray listed = server.get("/api/v1/tickets/" + id + "/attachments", dispatcher).bodyAsJsonObject().getJsonArray("items");
        JsonArray events = server.get("/api/v1/tickets/" + id + "/events", dispatcher).bodyAsJsonObject().getJsonArray("items");
        HttpResponse<Buffer> download = server.get("/api/v1/tickets/" + id + "/attachments/" + report.getString("id"), dispatcher);

        assertThat(photo.getString("contentType")).isEqualTo("image/jpeg");
        assertThat(photo.getString("fileName")).isEqualTo("现场照片.jpg");
        assertThat(listed.stream().map(o -> ((JsonObject) o).getString("fileName"))).containsExactly("现场照片.jpg", "整改报告.pdf");
        assertThat(events.stream().map(JsonObject.class::cast).filter(e -> e.getString("type").equals("CitizenContacted")))
            .singleElement().satisfies(e -> assertThat(e.getJsonObject("details").getJsonArray("attachments")).containsExactly(photo.getString("id")));
        assertThat(events.stream().map(JsonObject.class::cast).filter(e -> e.getString("type").equals("TicketReplied")))
            .singleElement().satisfies(e -> assertThat(e.getJsonObject("details").getJsonArray("attachments")).containsExactly(report.getString("id")));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body().getBytes()).isEqualTo(PDF);
        assertThat(download.getHeader("Content-Type")).isEqualTo("application/pdf");
        assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment;")
            .contains("filename*=UTF-8''%E6%95%B4%E6%94%B9%E6%8A%A5%E5%91%8A.pdf");
    }

    @Test
    void uploadsAndDownloadsAreAudited() {
        String id = signedByUrban("13800138102");
        long before = server.redis.sync().xlen(AuditLog.STREAM);

        String photo = upload("/api/v1/tickets/" + id + "/attachments", urban, "a.jpg", JPEG).bodyAsJsonObject().getString("id");
        server.get("/api/v1/tickets/" + id + "/attachments/" + photo, dispatcher);

        List<StreamMessage<String, String>> entries = server.redis.sync().xrange(AuditLog.STREAM, Range.create("-", "+"))
            .stream().skip(before).toList();
        assertThat(entries).anySatisfy(e -> assertThat(e.getBody()).containsEntry("action", "attachment.upload")
            .containsEntry("actor", "urban1").containsEntry("resourceId", id).containsEntry("detail", "attachment=" + photo + ";size=" + JPEG.length));
        assertThat(entries).anySatisfy(e -> assertThat(e.getBody()).containsEntry("action", "attachment.read")
            .containsEntry("actor", "dispatcher1").containsEntry("personalData", "true").containsEntry("detail", "attachment=" + photo));
    }

    @Test
    void aFileThatIsNeitherAPhotoNorAPdfIsRefusedWhateverItsNameSays() {
        String id = signedByUrban("13800138103");

        HttpResponse<Buffer> refused = upload("/api/v1/tickets/" + id + "/attachments", urban, "photo.jpg",
            "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));

        AuthAndProblemsIT.assertProblem(refused, 400, "attachment.unsupported-type");
        assertThat(refused.bodyAsJsonObject().getString("detail")).contains("只能上传照片");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedWithAChineseMessage() {
        String id = signedByUrban("13800138104");

        HttpResponse<Buffer> refused = upload("/api/v1/tickets/" + id + "/attachments", urban, "big.jpg", bytes(JPEG, "x".repeat(5000)));

        assertThat(refused.statusCode()).isBetween(400, 413);
        assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("attachment.too-large");
        assertThat(refused.bodyAsJsonObject().getString("detail")).contains("附件过大");
    }

    @Test
    void aTicketHoldsAtMostTheConfiguredNumberOfFiles() {
        String id = signedByUrban("13800138105");
        for (int i = 0; i < 3; i++) {
            assertThat(upload("/api/v1/tickets/" + id + "/attachments", urban, i + ".jpg", JPEG).statusCode()).isEqualTo(201);
        }

        AuthAndProblemsIT.assertProblem(upload("/api/v1/tickets/" + id + "/attachments", urban, "4.jpg", JPEG), 422, "attachment.too-many");
    }

    @Test
    void fileNamesLoseDirectoriesAndSpecialCharactersAndTakeTheExtensionOfTheirKind() {
        String id = signedByUrban("13800138106");

        JsonObject saved = upload("/api/v1/tickets/" + id + "/attachments", urban, "../../etc/<b>报告.exe", PDF).bodyAsJsonObject();

        assertThat(saved.getString("fileName")).isEqualTo("_b_报告.exe.pdf");
    }

    @Test
    void anotherDepartmentCanNeitherUploadListNorDownloadAndAReplyCannotNameAnotherTicketsFile() {
        String id = signedByUrban("13800138107");
        String other = signedByUrban("13800138108");
        String photo = upload("/api/v1/tickets/" + id + "/attachments", urban, "a.jpg", JPEG).bodyAsJsonObject().getString("id");

        AuthAndProblemsIT.assertProblem(upload("/api/v1/tickets/" + id + "/attachments", housing, "a.jpg", JPEG), 404, "ticket.not-found");
        AuthAndProblemsIT.assertProblem(server.get("/api/v1/tickets/" + id + "/attachments", housing), 404, "ticket.not-found");
        AuthAndProblemsIT.assertProblem(server.get("/api/v1/tickets/" + id + "/attachments/" + photo, housing), 404, "ticket.not-found");
        AuthAndProblemsIT.assertProblem(server.get("/api/v1/tickets/" + other + "/attachments/" + photo, urban), 404, "attachment.not-found");
        assertThat(upload("/api/v1/tickets/" + id + "/attachments", null, "a.jpg", JPEG).statusCode()).isEqualTo(401);
        AuthAndProblemsIT.assertProblem(server.post("/api/v1/tickets/" + other + "/reply", urban, new JsonObject().put("text", "已处理")
            .put("result", "RESOLVED").put("attachments", new JsonArray().add(photo))), 400, "attachment.invalid-reference");
    }

    @Test
    void aCitizenAddsAPhotoToTheirAppealWithItsNumberAndQueryCodeAndTheDepartmentSeesIt() {
        JsonObject receipt = server.ok("/api/v1/appeals", null, TicketFlowsIT.appeal("13800138109", "井盖缺失"));
        String path = "/api/v1/appeals/" + receipt.getString("ticketNumber") + "/attachments?queryCode=";

        HttpResponse<Buffer> added = upload(path + receipt.getString("queryCode"), null, "IMG_0001.JPG", JPEG);
        HttpResponse<Buffer> wrongCode = upload(path + "000000", null, "IMG_0002.JPG", JPEG);

        assertThat(added.statusCode()).as(added.bodyAsString()).isEqualTo(201);
        assertThat(added.bodyAsJsonObject().getString("uploaderRole")).isEqualTo("CITIZEN");
        assertThat(added.bodyAsJsonObject().containsKey("uploaderId")).isFalse();
        AuthAndProblemsIT.assertProblem(wrongCode, 404, "appeal.not-found");
        String id = idOf("13800138109", receipt.getString("ticketNumber"));
        assertThat(server.get("/api/v1/tickets/" + id + "/attachments", dispatcher).bodyAsJsonObject().getJsonArray("items"))
            .singleElement().satisfies(item -> assertThat(((JsonObject) item).getString("fileName")).isEqualTo("IMG_0001.JPG"));
    }
}

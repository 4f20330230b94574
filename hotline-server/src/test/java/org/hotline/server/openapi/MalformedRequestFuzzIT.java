package org.hotline.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every operation of the served OpenAPI document, called with every kind of malformed request a
 * client can send: no body, {@code null}, an array, a number, a string, broken JSON, trailing data,
 * duplicate fields, invalid UTF-8, every documented field of the wrong type or null, a form body with
 * a broken percent escape, plain text, a broken multipart body; path parameters that are junk or
 * broken escapes, query parameters of the wrong type. As the administrator (who may call everything)
 * and, for the public operations, anonymously. No answer may be a 5xx other than a 503 that names the
 * dependency it waited for (telephony and the 110 peer are absent here); every problem a client
 * reads is in Chinese. Runs in CI with the other integration tests (about 3,000 requests).
 */
@Timeout(600)
class MalformedRequestFuzzIT {

    private static final Logger LOG = LoggerFactory.getLogger(MalformedRequestFuzzIT.class);
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";
    /** 503 codes that only say "something was unavailable" instead of what: a replaced message. */
    private static final Set<String> GENERIC_CODES = Set.of("internal", "service.unavailable");

    @TempDir
    static Path dataDir;

    private static ProbedServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ProbedServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** One kind of body: its content type and bytes. */
    private record Body(String kind, String contentType, byte[] bytes) {
        static Body of(String kind, String contentType, String text) {
            return new Body(kind, contentType, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private record Finding(String request, int status, String answer) {
    }

    @Test
    void noMalformedRequestToAnyDocumentedOperationIsAnsweredWithAServerError() throws Exception {
        JsonObject document = ProbedServer.document();
        JsonObject paths = document.getJsonObject("paths");
        String admin = server.adminToken();
        // logging out revokes the token it is sent with: that operation gets a token of its own, so every
        // other operation is still fuzzed as a signed-in administrator
        String spare = server.adminToken();
        List<Finding> findings = new ArrayList<>();
        Set<String> untranslated = new TreeSet<>();
        int sent = 0;
        for (String template : paths.fieldNames()) {
            for (String method : paths.getJsonObject(template).fieldNames()) {
                if (!METHODS.contains(method)) {
                    continue;
                }
                JsonObject operation = paths.getJsonObject(template).getJsonObject(method);
                boolean open = operation.getJsonArray("security") != null && operation.getJsonArray("security").isEmpty();
                for (String path : concretePaths(template, operation)) {
                    for (Body body : bodies(document, method, operation)) {
                        String signedIn = "logout".equals(operation.getString("operationId")) ? spare : admin;
                        for (String token : open ? new String[] {signedIn, null} : new String[] {signedIn}) {
                            String request = method.toUpperCase() + " " + path + " [" + body.kind() + (token == null ? ", anonymous" : "") + "]";
                            try {
                                check(request, send(method.toUpperCase(), path, token, body), findings, untranslated);
                            } catch (java.net.SocketTimeoutException unanswered) {
                                findings.add(new Finding(request, 0, "no answer within 10 s"));
                            }
                            sent++;
                        }
                    }
                }
            }
        }
        LOG.info("malformed-request fuzz done [requests={}, findings={}]", sent, findings.size());
        assertThat(send("GET", "/api/v1/auth/me", admin, new Body("none", null, null)).status())
                .as("the administrator's token still counts after the whole fuzz").isEqualTo(200);
        findings.forEach(finding -> LOG.error("fuzz finding [{} → {}] {}", finding.request(), finding.status(), finding.answer()));

        // the fuzz itself reaches the failures it is meant to find: a form body with a broken escape was sent
        assertThat(sent).isGreaterThan(2000);
        assertThat(findings).as("5xx answers to malformed requests").isEmpty();
        assertThat(untranslated).as("4xx problems without a Chinese message").isEmpty();
    }

    @Test
    void theReportedMalformedRequestsAreRefusedWithTheirOwnProblem() throws Exception {
        String admin = server.adminToken();
        // logging out revokes the token it is sent with: that operation gets a token of its own, so every
        // other operation is still fuzzed as a signed-in administrator
        String spare = server.adminToken();
        Body badEscape = Body.of("form-bad-escape", FORM, "a=%ZZ");

        assertThat(send("POST", "/api/v1/appeals", null, badEscape)).extracting(Answer::status, Answer::code)
                .containsExactly(400, "request.malformed-form");
        assertThat(send("POST", "/api/v1/auth/token", null, badEscape).code()).isEqualTo("request.malformed-form");
        assertThat(send("POST", "/open311/v2/requests.json", null, badEscape).status()).isEqualTo(400);
        assertThat(send("POST", "/api/v1/admin/open311/keys", admin, Body.of("null", JSON, "null")).code()).isEqualTo("request.empty-body");
        assertThat(send("POST", "/api/v1/classify", admin, Body.of("array", JSON, "[]")).code()).isEqualTo("request.wrong-type");
        assertThat(send("POST", "/api/v1/classify", admin, Body.of("number", JSON, "1")).code()).isEqualTo("request.wrong-type");
        assertThat(send("POST", "/api/v1/classify?limit=%ZZ", admin, Body.of("form", FORM, "a=1")).code()).isEqualTo("request.malformed-uri");
        assertThat(send("GET", "/api/v1/tickets/%ZZ", admin, new Body("none", null, null)).code()).isEqualTo("request.malformed-uri");
    }

    private static void check(String request, Answer answer, List<Finding> findings, Set<String> untranslated) {
        boolean specific503 = answer.status() == 503 && answer.code() != null && !GENERIC_CODES.contains(answer.code());
        if (answer.status() >= 500 && !specific503) {
            findings.add(new Finding(request, answer.status(), answer.text()));
        }
        if (answer.status() >= 400 && answer.status() < 500 && answer.code() != null && !hasChinese(answer.detail())) {
            untranslated.add(request + " → " + answer.status() + " " + answer.code() + ": " + answer.detail());
        }
    }

    private static boolean hasChinese(String text) {
        return text != null && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** The template with harmless, junk and broken-escape values in each path parameter. */
    private static List<String> concretePaths(String template, JsonObject operation) {
        List<String> paths = new ArrayList<>();
        String withFormat = template.replace("{format}", "json");
        for (String junk : List.of("openapi-probe", "%ZZ", "12345-20261207-000001", "..%2F..", "%E4%B8")) {
            paths.add(withFormat.replaceAll("\\{[^}/]+}", java.util.regex.Matcher.quoteReplacement(junk)));
        }
        StringBuilder query = new StringBuilder();
        JsonArray parameters = operation.getJsonArray("parameters", new JsonArray());
        for (int i = 0; i < parameters.size(); i++) {
            JsonObject parameter = parameters.getJsonObject(i);
            if ("query".equals(parameter.getString("in"))) {
                query.append(query.isEmpty() ? "?" : "&").append(parameter.getString("name")).append("=%ZZ");
            }
        }
        String probe = withFormat.replaceAll("\\{[^}/]+}", "openapi-probe");
        if (!query.isEmpty()) {
            paths.add(probe + query);
            paths.add(probe + query.toString().replace("=%ZZ", "=-99999999999999999999"));
            paths.add(probe + query.toString().replace("=%ZZ", "=%E4%B8%AD%E6%96%87"));
        }
        return paths;
    }

    private static List<Body> bodies(JsonObject document, String method, JsonObject operation) {
        List<Body> bodies = new ArrayList<>();
        bodies.add(new Body("none", null, null));
        if (method.equals("get") || method.equals("delete")) {
            return bodies;
        }
        bodies.add(Body.of("empty", JSON, ""));
        bodies.add(Body.of("null", JSON, "null"));
        bodies.add(Body.of("array", JSON, "[]"));
        bodies.add(Body.of("number", JSON, "1"));
        bodies.add(Body.of("string", JSON, "\"x\""));
        bodies.add(Body.of("object", JSON, "{}"));
        bodies.add(Body.of("broken-json", JSON, "{\"a\":"));
        bodies.add(Body.of("trailing", JSON, "{} {}"));
        bodies.add(Body.of("duplicate-field", JSON, "{\"a\":1,\"a\":2}"));
        bodies.add(Body.of("deep", JSON, "[".repeat(5000) + "]".repeat(5000)));
        bodies.add(new Body("invalid-utf8", JSON, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}));
        bodies.add(Body.of("form-bad-escape", FORM, "a=%ZZ&api_key=%G1"));
        bodies.add(Body.of("form", FORM, "a=1&b="));
        bodies.add(Body.of("text", "text/plain", "[1]"));
        bodies.add(Body.of("multipart-broken", "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n%ZZ"));
        JsonObject schema = requestSchema(document, operation);
        if (schema != null) {
            bodies.add(Body.of("wrong-types", JSON, fields(document, schema, true).encode()));
            bodies.add(Body.of("null-fields", JSON, fields(document, schema, false).encode()));
        }
        return bodies;
    }

    private static JsonObject requestSchema(JsonObject document, JsonObject operation) {
        JsonObject content = operation.getJsonObject("requestBody", new JsonObject()).getJsonObject("content", new JsonObject());
        JsonObject json = content.getJsonObject(JSON);
        return json == null ? null : resolve(document, json.getJsonObject("schema"));
    }

    private static JsonObject resolve(JsonObject document, JsonObject schema) {
        if (schema == null || schema.getString("$ref") == null) {
            return schema;
        }
        JsonObject at = document;
        for (String part : schema.getString("$ref").substring(2).split("/")) {
            at = at.getJsonObject(part.replace("~1", "/").replace("~0", "~"));
        }
        return at;
    }

    /** Every documented field with a value of another type than its schema's (or null). */
    private static JsonObject fields(JsonObject document, JsonObject schema, boolean wrongTypes) {
        JsonObject body = new JsonObject();
        JsonObject properties = schema.getJsonObject("properties", new JsonObject());
        for (String name : properties.fieldNames()) {
            JsonObject property = resolve(document, properties.getJsonObject(name));
            body.put(name, wrongTypes ? wrongValue(property == null ? null : property.getValue("type")) : null);
        }
        return body;
    }

    private static Object wrongValue(Object type) {
        return switch (String.valueOf(type)) {
            case "string" -> new JsonArray().add(1);
            case "integer", "number" -> "一";
            case "boolean" -> 0;
            case "array" -> new JsonObject().put("a", 1);
            case "object" -> "x";
            default -> new JsonArray().add(new JsonObject());
        };
    }

    private record Answer(int status, String code, String detail, String text) {
    }

    /**
     * Sends over a plain socket (java.net.http refuses the broken escapes this test must send) and
     * reads the answer only when it is an error document: event streams never end.
     */
    private static Answer send(String method, String path, String token, Body body) throws Exception {
        java.net.URI base = server.uri("/");
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + base.getAuthority()
                    + "\r\nConnection: close\r\n");
            if (body.contentType() != null) {
                head.append("Content-Type: ").append(body.contentType()).append("\r\n");
            }
            if (token != null) {
                head.append("Authorization: Bearer ").append(token).append("\r\n");
            }
            byte[] bytes = body.bytes() == null ? new byte[0] : body.bytes();
            if (body.bytes() != null || !method.equals("GET") && !method.equals("DELETE")) {
                head.append("Content-Length: ").append(bytes.length).append("\r\n");
            }
            head.append("\r\n");
            java.io.OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(bytes);
            out.flush();
            InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            String statusLine = line(in);
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            String type = "";
            int length = -1;
            boolean chunked = false;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                String lower = header.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-type:")) {
                    type = lower.substring(13).strip();
                } else if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            if (status < 400 || !type.startsWith("application/problem+json") && !type.startsWith("application/json")) {
                return new Answer(status, null, null, "");
            }
            String text = new String(chunked ? chunks(in) : length >= 0 ? in.readNBytes(length) : in.readNBytes(65_536),
                    StandardCharsets.UTF_8);
            if (!type.startsWith("application/problem+json")) {
                return new Answer(status, null, null, text);
            }
            JsonObject problem = new JsonObject(text);
            return new Answer(status, problem.getString("code"), problem.getString("detail"), text);
        }
    }

    private static byte[] chunks(InputStream in) throws java.io.IOException {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0;
             size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
            body.write(in.readNBytes(size));
            line(in);
        }
        return body.toByteArray();
    }

    private static String line(InputStream in) throws java.io.IOException {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}

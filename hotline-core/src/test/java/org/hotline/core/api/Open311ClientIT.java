package org.hotline.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * An Open311 GeoReport v2 client written from the published spec: plain java.net.http, form-encoded
 * POST, raw JSON trees and DOM-parsed XML. It shares no types with the server.
 */
@Timeout(120)
class Open311ClientIT {

    private static ApiTestServer server;
    private static HttpClient http;
    private static String base;
    private static String apiKey;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        server = new ApiTestServer(4, config -> config);
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        base = "http://127.0.0.1:" + server.server.actualPort() + "/open311/v2/";
        String admin = server.login("admin", ApiTestServer.ADMIN_PASSWORD);
        apiKey = server.ok("/api/v1/admin/open311/keys", admin, new io.vertx.core.json.JsonObject().put("partner", "city-portal"))
            .getString("apiKey");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void discoveryNamesTheGeoReportEndpoint() throws Exception {
        JsonNode discovery = JSON.readTree(get("discovery.json").body());

        assertThat(discovery.path("endpoints").get(0).path("specification").asText()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(discovery.path("endpoints").get(0).path("formats").toString()).contains("application/json", "text/xml");
    }

    @Test
    void servicesAreListedInJsonAndXmlAndHaveDefinitions() throws Exception {
        JsonNode services = JSON.readTree(get("services.json").body());
        Document xml = xml(get("services.xml").body());

        assertThat(services.isArray()).isTrue();
        JsonNode road = find(services, "service_code", "010101");
        assertThat(road.path("service_name").asText()).isEqualTo("道路破损");
        assertThat(road.path("metadata").asBoolean()).isFalse();
        assertThat(road.path("type").asText()).isEqualTo("realtime");
        assertThat(xml.getDocumentElement().getTagName()).isEqualTo("services");
        assertThat(xml.getElementsByTagName("service").getLength()).isEqualTo(services.size());
        assertThat(JSON.readTree(get("services/010101.json").body()).path("service_code").asText()).isEqualTo("010101");
        assertThat(get("services/999999.json").statusCode()).isEqualTo(404);
    }

    @Test
    void submittedRequestIsReadBackInBothFormatsMaskedAndAsText() throws Exception {
        String description = "井盖缺失<script>alert('x')</script>，联系我13900139000 & 谢谢";
        HttpResponse<String> posted = post("requests.json", Map.of("api_key", apiKey, "service_code", "010101",
            "lat", "34.7466", "long", "113.6253", "address_string", "人民路18号", "description", description,
            "first_name", "五", "last_name", "王", "phone", "13900139000"));

        assertThat(posted.statusCode()).as(posted.body()).isBetween(200, 201);
        JsonNode answer = JSON.readTree(posted.body()).get(0);
        String id = answer.path("service_request_id").asText();
        assertThat(id).startsWith("12345-");
        assertThat(answer.has("token")).as("GeoReport v2: exactly one of service_request_id and token").isFalse();

        JsonNode request = JSON.readTree(get("requests/" + id + ".json").body()).get(0);
        assertThat(request.path("service_request_id").asText()).isEqualTo(id);
        assertThat(request.path("status").asText()).isEqualTo("open");
        assertThat(request.path("service_code").asText()).isEqualTo("010101");
        assertThat(request.path("description").asText()).contains("<script>alert('x')</script>").contains("139****9000")
            .doesNotContain("13900139000");
        assertThat(request.toString()).doesNotContain("王五");
        assertThat(OffsetDateTime.parse(request.path("requested_datetime").asText())).isNotNull();

        Document xml = xml(get("requests/" + id + ".xml").body());
        Element first = (Element) xml.getElementsByTagName("request").item(0);
        assertThat(first.getElementsByTagName("description").item(0).getTextContent()).contains("<script>alert('x')</script>");

        JsonNode byId = JSON.readTree(get("requests.json?service_request_id=" + id + "&extensions=true").body());
        assertThat(byId.get(0).path("extended_attributes").path("notes").isArray()).isTrue();
        String start = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(1).toString();
        JsonNode open = JSON.readTree(get("requests.json?status=open&service_code=010101&start_date=" + enc(start)).body());
        assertThat(open.findValuesAsText("service_request_id")).contains(id);
    }

    @Test
    void errorsAreListsOfCodeAndDescription() throws Exception {
        HttpResponse<String> badKey = post("requests.json", Map.of("api_key", "wrong", "service_code", "010101", "lat", "1", "long", "1"));
        HttpResponse<String> noCode = post("requests.json", Map.of("api_key", apiKey, "lat", "1", "long", "1"));
        HttpResponse<String> noLocation = post("requests.xml", Map.of("api_key", apiKey, "service_code", "010101"));
        HttpResponse<String> longRange = get("requests.json?start_date=" + enc("2026-01-01T00:00:00+08:00") + "&end_date=" + enc("2026-06-01T00:00:00+08:00"));

        assertThat(badKey.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(badKey.body()).get(0).path("code").asInt()).isEqualTo(403);
        assertThat(noCode.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noCode.body()).get(0).path("description").asText()).contains("service_code");
        assertThat(noLocation.statusCode()).isEqualTo(400);
        assertThat(xml(noLocation.body()).getElementsByTagName("error").getLength()).isEqualTo(1);
        assertThat(longRange.statusCode()).isEqualTo(400);
        assertThat(get("requests/12345-20990101-999999.json").statusCode()).isEqualTo(404);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (value.equals(node.path(field).asText())) {
                return node;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).GET().build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = new LinkedHashMap<>(form).entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Document xml(String body) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

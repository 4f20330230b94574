package org.hotline.dispatch.history;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The history import from a shell: streams a JSON Lines file to a running server's
 * {@code POST /api/v1/admin/history/import}, so the CLI and the HTTP interface are one code path.
 *
 * <pre>
 * java -cp dispatch.jar:... org.hotline.dispatch.history.HistoryImportCommand \
 *     --server http://127.0.0.1:8080 --token "$HOTLINE_ADMIN_TOKEN" [--create-categories] tickets.jsonl
 * </pre>
 * The token may also come from the environment variable {@code HOTLINE_ADMIN_TOKEN}. Prints the
 * server's JSON answer; exits 0 when it answered 200, 1 otherwise, 2 on bad arguments.
 */
public final class HistoryImportCommand {

    private HistoryImportCommand() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String server = "http://127.0.0.1:8080";
        String token = System.getenv("HOTLINE_ADMIN_TOKEN");
        boolean create = false;
        Path file = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--server" -> server = args[++i];
                case "--token" -> token = args[++i];
                case "--create-categories" -> create = true;
                default -> file = Path.of(args[i]);
            }
        }
        if (file == null || token == null || !Files.isReadable(file)) {
            System.err.println("usage: HistoryImportCommand [--server URL] [--token TOKEN] [--create-categories] FILE.jsonl");
            System.exit(2);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(server + "/api/v1/admin/history/import?createCategories=" + create))
                .header("Content-Type", "application/x-ndjson").header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.ofFile(file)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        System.out.println(response.body());
        System.exit(response.statusCode() == 200 ? 0 : 1);
    }
}

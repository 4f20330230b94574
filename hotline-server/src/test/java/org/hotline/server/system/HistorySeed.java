package org.hotline.server.system;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The dispatch module's labelled evaluation set, as history to import and as appeal texts to send. */
public final class HistorySeed {

    /** The evaluation set's top-level names, as the seed catalog's codes. */
    private static final Map<String, String> SEED_CODES = Map.of("环境保护", "020000", "城乡建设", "010000",
            "交通运输", "030000", "劳动和社会保障", "050000", "教育文体", "060000", "卫生计生", "070000", "商贸旅游", "040000");

    private HistorySeed() {
    }

    public static List<JsonObject> lines() throws IOException {
        return Files.readAllLines(Path.of("..", "dispatch", "src", "test", "resources", "classification", "eval-set.jsonl"))
                .stream().map(JsonObject::new).toList();
    }

    /** The body of {@code POST /api/v1/admin/history/import} (770 labelled appeals). */
    public static String importBody() throws IOException {
        return lines().stream()
                .map(line -> new JsonObject().put("title", line.getString("title")).put("content", line.getString("content"))
                        .put("category", SEED_CODES.get(line.getString("category"))).encode())
                .collect(Collectors.joining("\n"));
    }
}

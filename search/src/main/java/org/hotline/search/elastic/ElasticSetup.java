package org.hotline.search.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.indices.PutIndexTemplateRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.hotline.search.doc.ActivityRecord;

/**
 * Index templates (mappings, settings, alias) for tickets, events and call records, and one empty
 * bootstrap index per alias so searches work before the first document arrives.
 */
final class ElasticSetup {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ElasticsearchAsyncClient client;
    private final String prefix;

    ElasticSetup(ElasticsearchAsyncClient client, String prefix) {
        this.client = client;
        this.prefix = prefix;
    }

    CompletionStage<Void> install() {
        String events = ElasticDocuments.kindName(ActivityRecord.Kind.EVENT);
        String calls = ElasticDocuments.kindName(ActivityRecord.Kind.CALL);
        return template("tickets", resource("tickets-template.json", "tickets"))
                .thenCompose(v -> template(events, resource("records-template.json", events)))
                .thenCompose(v -> template(calls, resource("records-template.json", calls)))
                .thenCompose(v -> bootstrap("tickets"))
                .thenCompose(v -> ticketsMappingOnExistingIndexes())
                .thenCompose(v -> bootstrap(events))
                .thenCompose(v -> bootstrap(calls));
    }

    /**
     * Installs the tickets template with some index settings replaced (the bulk-load mode), or as
     * shipped when {@code settings} is empty.
     */
    CompletionStage<Void> ticketsTemplate(java.util.Map<String, String> settings) {
        return template("tickets", ticketsTemplateJson(settings));
    }

    /** The index settings the shipped tickets template gives (e.g. refresh_interval, number_of_replicas). */
    String ticketsSetting(String name) {
        try {
            return MAPPER.readTree(resource("tickets-template.json", "tickets")).path("template").path("settings").path(name).asText();
        } catch (IOException e) {
            throw new IllegalStateException("unreadable index template tickets-template.json", e);
        }
    }

    private String ticketsTemplateJson(java.util.Map<String, String> settings) {
        String shipped = resource("tickets-template.json", "tickets");
        if (settings.isEmpty()) {
            return shipped;
        }
        try {
            var root = (ObjectNode) MAPPER.readTree(shipped);
            var node = (ObjectNode) root.path("template").path("settings");
            settings.forEach(node::put);
            return MAPPER.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable index template tickets-template.json", e);
        }
    }

    private CompletionStage<Void> template(String kind, String body) {
        var request = PutIndexTemplateRequest.of(t -> t.name(prefix + "-" + kind).withJson(new StringReader(body)));
        return client.indices().putIndexTemplate(request).thenApply(r -> null);
    }

    /**
     * The template only shapes indexes created after it; fields added since (e.g. the first visit's facts)
     * are added to the existing tickets indexes too, or their strict mapping would refuse new documents.
     */
    private CompletionStage<Void> ticketsMappingOnExistingIndexes() {
        String mappings;
        try {
            mappings = MAPPER.writeValueAsString(MAPPER.readTree(resource("tickets-template.json", "tickets")).path("template").path("mappings"));
        } catch (IOException e) {
            throw new IllegalStateException("unreadable index template tickets-template.json", e);
        }
        return client.indices().putMapping(m -> m.index(prefix + "-tickets").withJson(new StringReader(mappings))).thenApply(r -> null);
    }

    private CompletionStage<Void> bootstrap(String kind) {
        String alias = prefix + "-" + kind;
        return client.indices().existsAlias(a -> a.name(alias)).thenCompose(exists -> exists.value()
                ? CompletableFuture.completedFuture(null)
                : client.indices().create(c -> c.index(alias + "-bootstrap")).thenApply(r -> null));
    }

    private String resource(String name, String kind) {
        try (InputStream in = ElasticSetup.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("__PREFIX__", prefix).replace("__KIND__", kind);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing index template " + name, e);
        }
    }
}

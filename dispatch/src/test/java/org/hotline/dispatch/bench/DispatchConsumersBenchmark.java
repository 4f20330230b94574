package org.hotline.dispatch.bench;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hotline.core.stream.RedisKeys;
import org.hotline.core.stream.bench.StreamConsumerBench;
import org.hotline.core.stream.bench.StreamConsumerBench.Env;
import org.hotline.core.stream.bench.StreamConsumerBench.Progress;
import org.hotline.core.stream.bench.StreamConsumerBench.Subject;
import org.hotline.core.text.HanLpSegmenter;
import org.hotline.dispatch.classify.Classifier;
import org.hotline.dispatch.classify.ClassifierConfig;
import org.hotline.dispatch.classify.ClosedTicketLearner;
import org.hotline.dispatch.classify.LabelledText;
import org.hotline.dispatch.classify.RetrainSchedule;
import org.hotline.dispatch.classify.TextFeatures;
import org.hotline.dispatch.duplicate.HotSpotDetector;
import org.hotline.dispatch.duplicate.PlaceIndex;
import org.hotline.dispatch.duplicate.PlaceIndexer;
import org.hotline.dispatch.routing.AutoAssignPolicy;
import org.hotline.dispatch.routing.AutoDispatch;
import org.hotline.dispatch.routing.DispatcherQueue;
import org.hotline.dispatch.routing.RedisAutoAssignPolicy;
import org.hotline.dispatch.routing.RedisRoutingRules;
import org.hotline.dispatch.routing.RoutingRule;
import org.hotline.dispatch.store.CatalogEntry;
import org.hotline.dispatch.store.RedisCatalog;
import org.hotline.dispatch.store.RedisTrainingCorpus;

/**
 * Dispatch's three ticket-event consumers, each measured alone by {@link StreamConsumerBench} with its real handler
 * on real Redis: {@code auto} ({@link AutoDispatch}: classify every fresh appeal, route it, Classify + Assign through
 * the real ticket service, or queue it; also reports intake → dispatched), {@code places} ({@link PlaceIndexer})
 * and {@code learner} ({@link ClosedTicketLearner}: closed tickets into the corpus, retraining on its schedule). The
 * classifier is trained on the project's evaluation set, the seed catalog's top categories routed city-wide at 0.6
 * as the dispatch tests do. Run: {@code java -cp <dispatch test classpath>
 * org.hotline.dispatch.bench.DispatchConsumersBenchmark consumer=auto|places|learner [backlog=..] [rate=..] [seconds=..]}.
 */
public final class DispatchConsumersBenchmark {

    private static final Map<String, String> SEED_CODES = Map.of("城乡建设", "010000", "环境保护", "020000",
            "交通运输", "030000", "商贸旅游", "040000", "劳动和社会保障", "050000", "教育文体", "060000", "卫生计生", "070000");
    private static final Map<String, String> LEADS = Map.of("010000", "urban", "020000", "environment",
            "030000", "transport", "040000", "market", "050000", "hrss", "060000", "education", "070000", "health");

    private DispatchConsumersBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String consumer = Arrays.stream(args).filter(a -> a.startsWith("consumer=")).map(a -> a.substring(9)).findFirst()
                .orElse("auto");
        StreamConsumerBench.run("dispatch-" + consumer, new DispatchSubject(consumer), args);
        System.exit(0);
    }

    private static final class DispatchSubject implements Subject {

        private final String consumer;
        private Classifier classifier;
        private RedisTrainingCorpus corpus;
        private RedisRoutingRules rules;
        private RedisAutoAssignPolicy policies;
        private DispatcherQueue queue;

        DispatchSubject(String consumer) {
            this.consumer = consumer;
        }

        @Override
        public Future<Void> prepare(Env env) {
            var redis = env.connection().async();
            RedisCatalog catalog = new RedisCatalog(env.vertx(), redis);
            corpus = new RedisTrainingCorpus(env.vertx(), redis);
            rules = new RedisRoutingRules(env.vertx(), redis);
            policies = new RedisAutoAssignPolicy(env.vertx(), redis);
            queue = new DispatcherQueue(env.vertx(), redis);
            List<Future<?>> setup = new ArrayList<>();
            SEED_CODES.values().forEach(code -> {
                setup.add(catalog.put(new CatalogEntry(code, code, null, List.of())));
                setup.add(rules.put(new RoutingRule("top-" + code, 1, code.substring(0, 2), null, null, LEADS.get(code),
                        RoutingRule.Level.CITY, List.of(), true, Instant.parse("2025-01-01T00:00:00Z"), null, null)));
            });
            for (JsonObject row : evalSet()) {
                setup.add(corpus.append(new LabelledText(LabelledText.appealText(row.getString("title"), row.getString("content"), null),
                        SEED_CODES.get(row.getString("category")), null), "bench"));
            }
            setup.add(policies.put(AutoAssignPolicy.uniform(0.6)));
            ClassifierConfig config = ClassifierConfig.defaults();
            classifier = new Classifier(env.vertx(), new TextFeatures(new HanLpSegmenter(), config.maxCharGram()), config, catalog,
                    corpus, Clock.systemUTC());
            return Future.all(setup).compose(v -> classifier.retrain()).mapEmpty();
        }

        @Override
        public Future<String> deploy(Env env, String group, Progress progress) {
            var redis = env.connection().async();
            return env.vertx().deployVerticle(switch (consumer) {
                case "auto" -> StreamConsumerBench.group(env, group, AutoDispatch.PAGE, new AutoDispatch(classifier, rules, policies,
                        env.tickets(), queue, new HotSpotDetector(env.vertx(), redis, Duration.ofHours(2), 5), Clock.systemUTC()), progress);
                case "places" -> StreamConsumerBench.group(env, group, 200,
                        new PlaceIndexer(new PlaceIndex(env.vertx(), redis, Duration.ofDays(3))), progress);
                case "learner" -> StreamConsumerBench.group(env, group, ClosedTicketLearner.PAGE, new ClosedTicketLearner(corpus,
                        classifier, new RetrainSchedule(env.vertx(), classifier::retrain, RetrainSchedule.DEFAULT_SHARE,
                        RetrainSchedule.DEFAULT_MIN_PAUSE)), progress);
                default -> throw new IllegalArgumentException("consumer=auto|places|learner, not " + consumer);
            });
        }

        /** Intake → dispatched: from a fresh appeal's entry to the TicketAssigned entry auto-dispatch committed for it. */
        @Override
        public String afterRate(Env env, Map<String, Long> receivedAtMillis) {
            if (!consumer.equals("auto")) {
                return "";
            }
            List<StreamMessage<String, String>> all = env.connection().sync().xrange(RedisKeys.TICKET_EVENTS, Range.create("-", "+"));
            List<Long> lags = new ArrayList<>();
            for (StreamMessage<String, String> m : all) {
                Long received = receivedAtMillis.get(m.getBody().get("ticketId"));
                if (received != null && !m.getBody().containsKey("bench") && "TicketAssigned".equals(m.getBody().get("type"))) {
                    lags.add(Long.parseLong(m.getId().substring(0, m.getId().indexOf('-'))) - received);
                }
            }
            if (lags.isEmpty()) {
                return "intake_to_dispatched appeals=" + receivedAtMillis.size() + " auto_assigned=0";
            }
            lags.sort(null);
            return String.format("intake_to_dispatched appeals=%d auto_assigned=%d p50_ms=%d p99_ms=%d max_ms=%d", receivedAtMillis.size(),
                    lags.size(), lags.get(lags.size() / 2), lags.get((int) (lags.size() * 0.99)), lags.get(lags.size() - 1));
        }

        private static List<JsonObject> evalSet() {
            try (InputStream in = DispatchConsumersBenchmark.class.getResourceAsStream("/classification/eval-set.jsonl")) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(JsonObject::new).toList();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

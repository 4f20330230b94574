package org.hotline.dispatch.classify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.hotline.core.text.HanLpSegmenter;

/**
 * Training time on a large corpus and single-text classification latency/throughput, in process
 * (no HTTP). Arguments: file.jsonl [repetitions of classification]. {@code -Dsize=10000} trains on
 * that many examples, the file's rows repeated in order (the real set has 6,642 texts; a repeated
 * text costs its segmentation and its SVM updates again but adds no vocabulary). See
 * docs/classification.md.
 */
public final class ClassifierBenchmark {

    public static void main(String[] args) throws IOException {
        List<ClassifierEvaluation.Row> rows = ClassifierEvaluation.read(Path.of(args[0]), null);
        ClassifierConfig config = ClassifierEvaluation.fromProperties(ClassifierConfig.defaults()); // -Dmodels=... as there
        HanLpSegmenter segmenter = new HanLpSegmenter();
        segmenter.words("预热分词词典"); // dictionary loading is not training
        ClassifierTrainer trainer = new ClassifierTrainer(new TextFeatures(segmenter, config.maxCharGram(), true,
                !Boolean.getBoolean("noBigrams")), config);
        int size = Integer.getInteger("size", rows.size());
        List<LabelledText> examples = java.util.stream.IntStream.range(0, size).mapToObj(i -> rows.get(i % rows.size()))
                .map(r -> new LabelledText(r.text(), r.category(), r.department())).toList();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        TrainedModel model = trainer.train(examples);
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        // wall time depends on how busy the machine is; CPU time says what training costs
        System.out.printf("%s: trained on %d examples, %d features in %.2f s wall, %.2f s CPU (all threads)%n",
                config.models(), examples.size(), model.dimension(), trainSeconds, (os.getProcessCpuTime() - cpu) / 1e9);
        int n = Math.min(rows.size(), args.length > 1 ? Integer.parseInt(args[1]) : 5_000);
        for (int i = 0; i < 500; i++) {
            model.classify(rows.get(i % rows.size()).text()); // JIT warm-up
        }
        long[] nanos = new long[n];
        long all = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            model.classify(rows.get(i).text());
            nanos[i] = System.nanoTime() - t;
        }
        double seconds = (System.nanoTime() - all) / 1e9;
        Arrays.sort(nanos);
        System.out.printf("classified %d texts on one thread: %.0f texts/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                n, n / seconds, nanos[n / 2] / 1e6, nanos[(int) (n * 0.99)] / 1e6, nanos[n - 1] / 1e6);
        System.out.printf("heap used after training: %d MiB%n",
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    }
}

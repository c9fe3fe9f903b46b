package dev.omnichannel.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kafka's own end-to-end latency tool on the stack's broker (acks=all, 1 KiB): the ceiling of anything event-fed. */
record KafkaLatency(double p50, double p99) {

    private static final Pattern PERCENTILES = Pattern.compile("50th = ([\\d.]+), 99th = ([\\d.]+)");

    /** Whole milliseconds (the tool's resolution); a p99 under 1 ms counts as 1 ms. */
    static KafkaLatency measure(Path toolClasspath) throws Exception {
        String output = Processes.output(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", Files.readString(toolClasspath).strip(), "org.apache.kafka.tools.EndToEndLatency",
                "localhost:9092", "bench.latency", "3000", "all", "1024"), 300);
        Matcher percentiles = PERCENTILES.matcher(output);
        if (!percentiles.find()) {
            throw new IllegalStateException("unexpected EndToEndLatency output:\n" + output);
        }
        return new KafkaLatency(Double.parseDouble(percentiles.group(1)), Math.max(1, Double.parseDouble(percentiles.group(2))));
    }
}

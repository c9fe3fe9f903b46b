package dev.omnichannel.gateway.support;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads a whole compacted topic into an in-memory model, on its own thread: assigned every
 * partition and reading from the beginning, with no consumer group, since each replica of the
 * gateway needs all of it (a group would split the partitions between replicas) and has nothing to
 * commit (the compacted topic is the state; a restart reads it again). The end offsets seen at
 * start tell when the model has caught up, which readiness waits for.
 */
public final class TopicReader {

    private static final Logger LOG = Logger.getLogger(TopicReader.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final String name;
    private final String topic;
    private final String bootstrapServers;
    private final Duration pollTimeout;
    private final Consumer<ConsumerRecord<String, String>> apply;
    private final Runnable afterBatch;
    private final RecordSpans spans;
    private volatile boolean caughtUp;
    private volatile Instant lastEventAt;
    private final ConsumerLoop loop;

    /**
     * @param apply      applies one record to the model, on the reader's thread
     * @param afterBatch runs after each batch of records is applied (waiters on the model look again)
     */
    public TopicReader(String name, String topic, String bootstrapServers, Duration pollTimeout,
            Consumer<ConsumerRecord<String, String>> apply, Runnable afterBatch, RecordSpans spans, MeterRegistry metrics) {
        this.name = name;
        this.topic = topic;
        this.bootstrapServers = bootstrapServers;
        this.pollTimeout = pollTimeout;
        this.apply = apply;
        this.afterBatch = afterBatch;
        this.spans = spans;
        this.loop = new ConsumerLoop(name, this::consumerConfig, this::consume, metrics);
    }

    public String topic() {
        return topic;
    }

    public void start() {
        loop.start();
    }

    public void stop() throws InterruptedException {
        loop.stop();
    }

    /** True once the model has read the topic up to its end as it was at start: answers are then current. */
    public boolean isCaughtUp() {
        return caughtUp;
    }

    /** The time of the newest record applied, null before any. */
    public Instant lastEventAt() {
        return lastEventAt;
    }

    private void consume(KafkaConsumer<String, String> kafka) {
        List<TopicPartition> found = List.of();
        while (loop.isRunning() && found.isEmpty()) {
            found = kafka.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            if (found.isEmpty()) {
                LOG.warnf("%s: topic %s not found yet; not ready", name, topic);
                kafka.poll(RETRY); // nothing assigned: only waits
            }
        }
        kafka.assign(found);
        kafka.seekToBeginning(found);
        Map<TopicPartition, Long> endAtStart = kafka.endOffsets(found);
        LOG.infof("%s: reading %s from the beginning up to %s", name, topic, endAtStart);
        while (loop.isRunning()) {
            ConsumerRecords<String, String> records = kafka.poll(pollTimeout);
            for (ConsumerRecord<String, String> record : records) {
                Span span = spans.start(name, record);
                try {
                    apply.accept(record);
                } finally {
                    span.end();
                }
                lastEventAt = Instant.ofEpochMilli(record.timestamp());
            }
            if (!caughtUp && endAtStart.entrySet().stream().allMatch(end -> kafka.position(end.getKey()) >= end.getValue())) {
                caughtUp = true;
                LOG.infof("%s: caught up with %s", name, topic);
            }
            if (!records.isEmpty()) {
                afterBatch.run();
            }
        }
    }

    private Properties consumerConfig() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // the topic is inventory-service's, created by the platform: never create it by reading it
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "gateway-" + name);
        return properties;
    }
}

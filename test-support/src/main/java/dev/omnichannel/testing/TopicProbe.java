package dev.omnichannel.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Reads a topic of the real broker from the moment it is opened: tests open a probe, act, then
 * wait for the records their action must produce (and can check that nothing else came).
 */
public final class TopicProbe implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, String> consumer;
    private final List<Received> received = new ArrayList<>();

    /** A record as read: its key and its CloudEvent value. */
    public record Received(String key, JsonNode event) {

        public String type() {
            return event.path("type").asText();
        }

        public JsonNode data() {
            return event.path("data");
        }
    }

    private TopicProbe(String suiteTopic) {
        String topic = LocalStack.topic(suiteTopic);
        Properties config = new Properties();
        config.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"));
        consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        if (partitions.isEmpty()) {
            consumer.close();
            throw new IllegalStateException("no topic " + topic + " on " + LocalStack.KAFKA + ": ./omni start kafka creates it");
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before the test acts
    }

    /** {@code topic}: one of {@code Topics}; the probe reads it under this test run's prefix. */
    public static TopicProbe open(String topic) {
        return new TopicProbe(topic);
    }

    /** Waits until a record matches, and returns it. */
    public Received await(Predicate<Received> matching, Duration timeout) {
        Received[] found = new Received[1];
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
            poll();
            found[0] = received.stream().filter(matching).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    public Received await(Predicate<Received> matching) {
        return await(matching, Duration.ofSeconds(30));
    }

    /** Everything received so far that matches, after reading what is on the topic for {@code settle}. */
    public List<Received> all(Predicate<Received> matching, Duration settle) {
        long until = System.nanoTime() + settle.toNanos();
        do {
            poll();
        } while (System.nanoTime() < until);
        return received.stream().filter(matching).toList();
    }

    private void poll() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
            try {
                received.add(new Received(record.key(), JSON.readTree(record.value())));
            } catch (IOException e) {
                throw new AssertionError("record on " + record.topic() + " is not JSON: " + record.value(), e);
            }
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}

package dev.omnichannel.e2e.support;

import dev.omnichannel.testing.LocalStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads every topic of the broker (all but Kafka's internal ones: dead-letter topics, the modules'
 * {@code test.} topics and any a service made included) from the beginning to the end it has now,
 * and counts the records whose key, headers or value contain a text, ignoring case. On compacted
 * topics it also tells which keys naming a customer do not end with a tombstone.
 */
public final class EveryTopic {

    private static final Duration READ_AT_MOST = Duration.ofMinutes(3);

    /** A topic with records that contain the texts: how many, and how many per text (by its label). */
    public record Finding(String topic, long records, Map<String, Long> byText) {

        @Override
        public String toString() {
            return topic + ": " + records + " " + byText.entrySet().stream().filter(e -> e.getValue() > 0)
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ", "(", ")"));
        }
    }

    /**
     * What one reading of every topic found.
     *
     * @param findings        the topics with records that contain the texts
     * @param notTombstoned   {@code topic key} of the compacted topics' keys naming the customer whose last record is not a tombstone
     * @param topics          the topics read, with {@code (compacted)} after the compacted ones
     * @param records         records read in all
     */
    public record Reading(List<Finding> findings, List<String> notTombstoned, List<String> topics, long records) {
    }

    private EveryTopic() {
    }

    /** Reads every topic for {@code texts} (label → text); keys that contain {@code customerId} are checked for tombstones. */
    public static Reading recordsContaining(Map<String, String> texts, String customerId) {
        Map<String, Boolean> compacted = topics();
        Map<String, String> lowered = new LinkedHashMap<>();
        texts.forEach((label, text) -> lowered.put(label, text.toLowerCase(Locale.ROOT)));
        Map<String, Map<String, Long>> counts = new HashMap<>();
        Map<String, Long> matching = new HashMap<>();
        Map<String, Boolean> lastIsTombstone = new LinkedHashMap<>();
        long read = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : compacted.keySet()) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
            long deadline = System.nanoTime() + READ_AT_MOST.toNanos();
            while (!reachedTheEnd(consumer, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read every topic to its end within " + READ_AT_MOST
                            + "; still to read: " + ends.keySet());
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (!ends.containsKey(partition) || record.offset() >= ends.get(partition)) {
                        continue; // written after the reading began
                    }
                    read++;
                    String key = text(record.key());
                    String whole = (key + " " + headers(record.headers().toArray()) + " " + text(record.value()))
                            .toLowerCase(Locale.ROOT);
                    boolean any = false;
                    for (Map.Entry<String, String> text : lowered.entrySet()) {
                        if (whole.contains(text.getValue())) {
                            any = true;
                            counts.computeIfAbsent(record.topic(), t -> new LinkedHashMap<>()).merge(text.getKey(), 1L, Long::sum);
                        }
                    }
                    if (any) {
                        matching.merge(record.topic(), 1L, Long::sum);
                    }
                    if (compacted.get(record.topic()) && key.contains(customerId)) {
                        lastIsTombstone.put(record.topic() + " " + key, record.value() == null);
                    }
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        new TreeSet<>(matching.keySet()).forEach(topic -> {
            Map<String, Long> byText = new LinkedHashMap<>();
            lowered.keySet().forEach(label -> byText.put(label, counts.get(topic).getOrDefault(label, 0L)));
            findings.add(new Finding(topic, matching.get(topic), byText));
        });
        List<String> notTombstoned = lastIsTombstone.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        List<String> topics = compacted.entrySet().stream().map(e -> e.getKey() + (e.getValue() ? " (compacted)" : "")).toList();
        return new Reading(findings, notTombstoned, topics, read);
    }

    /** Every topic but Kafka's internal ones, sorted, and whether it is compacted. */
    public static Map<String, Boolean> topics() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA);
        try (AdminClient admin = AdminClient.create(config)) {
            Set<String> names = new TreeSet<>(admin.listTopics().names().get(30, TimeUnit.SECONDS));
            names.removeIf(name -> name.startsWith("__")); // __consumer_offsets, __transaction_state, __share_group_state
            List<ConfigResource> resources = names.stream().map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
            Map<String, Boolean> compacted = new LinkedHashMap<>();
            for (String name : names) {
                var policy = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name)).get(TopicConfig.CLEANUP_POLICY_CONFIG);
                compacted.put(name, policy != null && policy.value() != null && policy.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            return compacted;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list the topics of " + LocalStack.KAFKA, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean reachedTheEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
        ends.entrySet().removeIf(end -> consumer.position(end.getKey(), Duration.ofSeconds(30)) >= end.getValue());
        return ends.isEmpty();
    }

    private static Properties consumerConfig() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "e2e-every-topic");
        return config;
    }

    private static String headers(Header[] headers) {
        StringBuilder all = new StringBuilder();
        for (Header header : headers) {
            all.append(header.key()).append('=').append(text(header.value())).append(' ');
        }
        return all.toString();
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}

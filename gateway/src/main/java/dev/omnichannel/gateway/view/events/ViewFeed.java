package dev.omnichannel.gateway.view.events;

import dev.omnichannel.gateway.config.FeedConfig;
import dev.omnichannel.gateway.support.ConsumerLoop;
import dev.omnichannel.gateway.view.repository.HoldingStore;
import dev.omnichannel.gateway.view.repository.ViewOffsets;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Writes the view model from customer.events, inventory.fulfilment and messaging.events. The
 * replicas of the gateway share the partitions in one consumer group (the model is shared, in
 * PostgreSQL); each batch of records is applied in one transaction together with the offsets it
 * reached, so every event is applied once and a replica that takes a partition over resumes
 * exactly where the model is ({@link ViewBatches}). No stored offset means the beginning of the topic:
 * emptying the model's tables rebuilds it. The offsets are also committed to Kafka afterwards, only so
 * that the group's lag can be watched with Kafka's own tools.
 */
@ApplicationScoped
public class ViewFeed {

    private static final Logger LOG = Logger.getLogger(ViewFeed.class);
    private static final Duration BATCH_TIMEOUT = ViewBatches.BATCH_TIMEOUT;

    private final HoldingStore holdings;
    private final ViewOffsets offsets;
    private final ViewBatches batches;
    private final FeedConfig config;
    private final List<String> topics;
    /** The end offsets seen when each partition was assigned: caught up once they are passed. */
    private final Map<TopicPartition, Long> catchUpTo = new ConcurrentHashMap<>();
    private final Set<String> caughtUp = ConcurrentHashMap.newKeySet();
    private volatile boolean assignedOnce;
    private final ConsumerLoop loop;
    private final Timer delay;

    public ViewFeed(HoldingStore holdings, ViewOffsets offsets, ViewBatches batches, FeedConfig config,
            MeterRegistry metrics) {
        this.delay = Timer.builder("gateway.view.feed.delay")
                .description("From an event's append to Kafka to its change committed in the view model")
                .publishPercentiles(0.5, 0.99).register(metrics);
        this.holdings = holdings;
        this.offsets = offsets;
        this.batches = batches;
        this.config = config;
        this.topics = List.of(config.customerTopic(), config.fulfilmentTopic(), config.messagingTopic());
        this.loop = new ConsumerLoop("view-feed", this::consumerConfig, this::consume, metrics);
    }

    void start(@Observes StartupEvent startup) {
        if (config.enabled()) {
            loop.start();
        }
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        loop.stop();
    }

    public List<String> topics() {
        return topics;
    }

    /** True once the model has applied, in the partitions this replica was given, what the topic held then. */
    public boolean isCaughtUp(String topic) {
        return caughtUp.contains(topic);
    }

    private void consume(KafkaConsumer<String, String> kafka) {
        holdings.refreshAllStale().await().atMost(BATCH_TIMEOUT);
        kafka.subscribe(topics, new ResumeFromTheModel(kafka));
        while (loop.isRunning()) {
            ConsumerRecords<String, String> records = kafka.poll(config.pollTimeout());
            if (!records.isEmpty()) {
                Map<TopicPartition, OffsetAndMetadata> reached = batches.applied(records);
                long now = System.currentTimeMillis();
                records.forEach(record -> delay.record(Math.max(0, now - record.timestamp()), TimeUnit.MILLISECONDS));
                kafka.commitAsync(reached, null);
            }
            noteCaughtUp(kafka);
        }
    }

    private void noteCaughtUp(KafkaConsumer<String, String> kafka) {
        if (!assignedOnce) {
            return;
        }
        for (String topic : topics) {
            if (!caughtUp.contains(topic) && catchUpTo.entrySet().stream()
                    .filter(end -> end.getKey().topic().equals(topic))
                    .allMatch(end -> kafka.position(end.getKey()) >= end.getValue())) {
                caughtUp.add(topic);
                LOG.infof("view model caught up with %s", topic);
            }
        }
    }

    /** On assignment, each partition resumes at the offset stored with the model (the beginning if none). */
    private final class ResumeFromTheModel implements ConsumerRebalanceListener {

        private final KafkaConsumer<String, String> kafka;

        ResumeFromTheModel(KafkaConsumer<String, String> kafka) {
            this.kafka = kafka;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Map<String, Map<Integer, Long>> stored = new HashMap<>();
            for (TopicPartition partition : partitions) {
                Long offset = stored.computeIfAbsent(partition.topic(),
                        topic -> offsets.offsets(topic).await().atMost(BATCH_TIMEOUT))
                        .get(partition.partition());
                if (offset == null) {
                    kafka.seekToBeginning(List.of(partition));
                } else {
                    kafka.seek(partition, offset);
                }
            }
            catchUpTo.putAll(kafka.endOffsets(partitions));
            assignedOnce = true;
            LOG.infof("view feed resumes %s", partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            partitions.forEach(catchUpTo::remove);
        }
    }

    private Properties consumerConfig() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, config.viewGroup());
        properties.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, config.viewGroupProtocol());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "gateway-view-feed");
        return properties;
    }
}

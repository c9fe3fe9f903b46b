package dev.omnichannel.gateway.availability;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.shared.events.CloudEvent;
import dev.omnichannel.shared.events.inventory.StockLevelChanged;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Feeds {@link StockReadModel} from {@code inventory.stock}. A plain consumer on its own thread,
 * assigned every partition and reading from the beginning, with no consumer group: each replica
 * of the gateway needs the whole map (a group would split the partitions between replicas) and
 * nothing to commit (the compacted topic is the state; a restart re-reads it). The end offsets
 * seen at start tell when the model has caught up, which readiness waits for.
 */
@ApplicationScoped
public class StockFeed {

    private static final Logger LOG = Logger.getLogger(StockFeed.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final StockReadModel model;
    private final StockFeedConfig config;
    private final ObjectMapper json;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean running;
    private Thread thread;

    public StockFeed(StockReadModel model, StockFeedConfig config, ObjectMapper json) {
        this.model = model;
        this.config = config;
        this.json = json;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            LOG.info("stock feed disabled: availability comes from inventory-service");
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("stock-feed").daemon().start(this::run);
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(Duration.ofSeconds(5));
        }
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(consumerConfig())) {
                consumer = kafka;
                consume(kafka);
            } catch (WakeupException stopping) {
                return;
            } catch (RuntimeException e) {
                LOG.warnf(e, "stock feed from %s interrupted; reconnecting", config.topic());
                sleep();
            }
        }
    }

    private void consume(KafkaConsumer<String, String> kafka) {
        List<TopicPartition> partitions = List.of();
        while (running && partitions.isEmpty()) {
            partitions = kafka.partitionsFor(config.topic(), Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                LOG.warnf("topic %s not found yet; availability not ready", config.topic());
                sleep();
            }
        }
        kafka.assign(partitions);
        kafka.seekToBeginning(partitions);
        Map<TopicPartition, Long> endAtStart = kafka.endOffsets(partitions);
        LOG.infof("reading %s from the beginning up to %s", config.topic(), endAtStart);
        while (running) {
            for (ConsumerRecord<String, String> record : kafka.poll(config.pollTimeout())) {
                apply(record);
            }
            if (!model.isCaughtUp() && endAtStart.entrySet().stream()
                    .allMatch(end -> kafka.position(end.getKey()) >= end.getValue())) {
                model.caughtUp();
                LOG.infof("stock read model caught up with %s", config.topic());
            }
        }
    }

    private void apply(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            String[] key = record.key() == null ? new String[0] : record.key().split("@", 2);
            if (key.length == 2) {
                model.remove(key[0], key[1]);
            }
            return;
        }
        try {
            CloudEvent event = json.readValue(record.value(), CloudEvent.class);
            if (StockLevelChanged.TYPE.equals(event.type())) {
                model.apply(event.dataAs(json, StockLevelChanged.class));
            }
        } catch (Exception e) {
            LOG.warnf("skipped an unreadable record at %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    private Properties consumerConfig() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // the topic is inventory-service's, created compacted by the platform: never create it by reading it
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "gateway-stock-feed");
        return properties;
    }

    private static void sleep() {
        try {
            Thread.sleep(RETRY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

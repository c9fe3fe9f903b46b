package dev.omnichannel.inventory.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.shared.events.CloudEvent;
import dev.omnichannel.testing.LocalStack;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/** Publishes CloudEvents on the real Kafka topics (under this run's prefix), as the other services do. */
public final class Events {

    private static KafkaProducer<String, String> producer;

    private Events() {
    }

    /** Sends one record, keyed by the event's subject, and waits for the broker's acknowledgement. */
    public static void publish(ObjectMapper mapper, String topic, CloudEvent event) {
        try {
            producer().send(new ProducerRecord<>(LocalStack.topic(topic), event.subject(), mapper.writeValueAsString(event)))
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until {@code consumer} recorded the event as processed (its effect committed with it). */
    public static void awaitProcessed(String consumer, CloudEvent event) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> Ledger.count("SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?",
                        consumer, event.id()) == 1);
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.ACKS_CONFIG, "all"));
        }
        return producer;
    }
}

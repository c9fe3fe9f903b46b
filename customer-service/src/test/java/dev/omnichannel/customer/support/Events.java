package dev.omnichannel.customer.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.omnichannel.shared.events.CloudEvent;
import dev.omnichannel.shared.events.EventData;
import dev.omnichannel.testing.LocalStack;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes other services' events on the real broker, as they would. */
public final class Events {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static KafkaProducer<String, String> producer;

    private Events() {
    }

    public static CloudEvent event(String source, String key, EventData data) {
        return CloudEvent.of(JSON, source, key, data);
    }

    /** Sends the event and waits for the broker's acknowledgement. */
    public static CloudEvent send(String topic, String key, CloudEvent event) {
        try {
            producer().send(new ProducerRecord<>(LocalStack.topic(topic), key, JSON.writeValueAsString(event))).get();
            return event;
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish on " + topic, e);
        }
    }

    public static CloudEvent send(String topic, String key, EventData data) {
        return send(topic, key, event("urn:omnichannel:test", key, data));
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        }
        return producer;
    }
}

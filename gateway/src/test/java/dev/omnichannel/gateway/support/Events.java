package dev.omnichannel.gateway.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnichannel.shared.events.CloudEvent;
import dev.omnichannel.shared.events.EventData;
import dev.omnichannel.shared.personal.PersonalDataSeal;
import dev.omnichannel.shared.personal.PersonalFields;
import dev.omnichannel.testing.LocalStack;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes events as the services do (CloudEvents, keyed), on the topics of this test run. */
public final class Events {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final KafkaProducer<String, String> PRODUCER = producer();

    private Events() {
    }

    /** Publishes and waits for the broker's acknowledgement; the event as published. */
    public static CloudEvent publish(String topic, String key, EventData data) {
        try {
            CloudEvent event = CloudEvent.of(JSON, "urn:omnichannel:test", key, data);
            PRODUCER.send(new ProducerRecord<>(topic, key, JSON.writeValueAsString(event))).get();
            return event;
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish " + data.eventType() + " on " + topic, e);
        }
    }

    /** Publishes as the service {@code service} does, the event's personal fields sealed under {@code key}. */
    public static void publishSealed(String topic, String service, String customerId, EventData data, byte[] key) {
        try {
            CloudEvent event = CloudEvent.of(JSON, CloudEvent.sourceOf(service), customerId, data);
            CloudEvent sealed = event.withData(PersonalDataSeal.seal(JSON, (ObjectNode) event.data(),
                    PersonalFields.of(event.type()), key, customerId));
            PRODUCER.send(new ProducerRecord<>(topic, customerId, JSON.writeValueAsString(sealed))).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish " + data.eventType() + " on " + topic, e);
        }
    }

    private static KafkaProducer<String, String> producer() {
        Properties config = new Properties();
        config.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, "0"));
        return new KafkaProducer<>(config);
    }
}

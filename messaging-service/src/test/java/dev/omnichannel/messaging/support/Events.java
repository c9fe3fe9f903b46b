package dev.omnichannel.messaging.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnichannel.shared.events.CloudEvent;
import dev.omnichannel.shared.events.EventData;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.shared.events.customer.CustomerSnapshot;
import dev.omnichannel.shared.events.inventory.ReservationEvent;
import dev.omnichannel.shared.personal.PersonalDataSeal;
import dev.omnichannel.shared.personal.PersonalFields;
import dev.omnichannel.testing.LocalStack;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;


/** Publishes CloudEvents on the real Kafka topics, as the other services do. */
public final class Events {

    private static KafkaProducer<String, String> producer;

    private Events() {
    }

    public static CloudEvent event(ObjectMapper mapper, String key, EventData data) {
        return CloudEvent.of(mapper, "urn:omnichannel:test", key, data);
    }

    /** Sends one record and waits for the broker's acknowledgement. */
    public static void publish(ObjectMapper mapper, String topic, CloudEvent event) {
        try {
            producer().send(new ProducerRecord<>(LocalStack.topic(topic), event.subject(), mapper.writeValueAsString(event))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static CloudEvent publish(ObjectMapper mapper, String topic, String key, EventData data) {
        CloudEvent event = event(mapper, key, data);
        publish(mapper, topic, event);
        return event;
    }

    /** A snapshot on customer.events, with the social handles customer-service would add when it has them. */
    public static CloudEvent publishSnapshot(ObjectMapper mapper, CustomerSnapshot snapshot) {
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), snapshot.eventType(),
                "urn:omnichannel:test", Instant.now(), snapshot.customerId(), CloudEvent.CONTENT_TYPE,
                mapper.valueToTree(snapshot), null);
        publish(mapper, Topics.CUSTOMER_EVENTS, event);
        return event;
    }

    /** A snapshot as customer-service publishes it: its personal fields sealed with its key of the customer. */
    public static CloudEvent publishSealedSnapshot(ObjectMapper mapper, CustomerSnapshot snapshot, byte[] key) {
        ObjectNode sealed = PersonalDataSeal.seal(mapper, mapper.valueToTree(snapshot), PersonalFields.of(CustomerSnapshot.TYPE),
                key, snapshot.customerId());
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), snapshot.eventType(),
                "urn:omnichannel:customer-service", Instant.now(), snapshot.customerId(), CloudEvent.CONTENT_TYPE, sealed, null);
        publish(mapper, Topics.CUSTOMER_EVENTS, event);
        return event;
    }

    public static ReservationEvent reservation(String type, String reservationId, String customerId, String pickupCode) {
        return new ReservationEvent(type, reservationId, customerId, "paris-louvre", "CONFIRMED",
                List.of(new ReservationEvent.Line("TENT-2P", 1, new BigDecimal("249.00")),
                        new ReservationEvent.Line("BOTTLE-1L", 1, new BigDecimal("24.90"))),
                new BigDecimal("273.90"), "EUR", pickupCode, Instant.parse("2026-12-01T18:00:00Z"), "web",
                "click-and-collect", new ReservationEvent.PickupWindow(Instant.parse("2026-11-30T09:00:00Z"),
                        Instant.parse("2026-12-01T18:00:00Z")), Instant.parse("2026-11-29T18:00:00Z"), 1);
    }

    /** Consents as customer-service publishes them. */
    public static Map<String, CustomerSnapshot.Consent> consents(boolean email, boolean sms, boolean push, boolean whatsapp) {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        return Map.of(
                "email", new CustomerSnapshot.Consent(email, at, "web"),
                "sms", new CustomerSnapshot.Consent(sms, at, "web"),
                "push", new CustomerSnapshot.Consent(push, at, "mobile"),
                "whatsapp", new CustomerSnapshot.Consent(whatsapp, at, "web"));
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

package dev.omnichannel.shared.data;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omnichannel.testing.LocalStack;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** A consumer fed twice the same event through the real broker applies it once. */
@QuarkusTest
class IdempotentConsumerTest {

    @Test
    void a_redelivered_event_is_applied_once() throws Exception {
        String message = "m-" + UUID.randomUUID();
        String event = """
                {"specversion":"1.0","id":"%s","type":"test.something-happened","source":"urn:test",
                 "time":"%s","subject":"k","datacontenttype":"application/json","data":{"message":"%s"}}
                """.formatted(UUID.randomUUID(), Instant.now(), message);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(LocalStack.topic(TestApplication.TOPIC), "k", event)).get();
            }
            String sentinel = "m-" + UUID.randomUUID();
            producer.send(new ProducerRecord<>(LocalStack.topic(TestApplication.TOPIC), "k", event
                    .replace(message, sentinel).replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"" + UUID.randomUUID() + "\""))).get();

            // Same partition, so once the later event is applied the three copies were all consumed.
            await().atMost(Duration.ofSeconds(30)).until(() -> counter("consumed:" + sentinel) == 1);
        }
        assertEquals(1, counter("consumed:" + message));
    }

    private static int counter(String name) {
        return given().get("/test/counters/" + name).then().statusCode(200).extract().path("value");
    }
}

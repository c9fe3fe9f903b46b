package dev.omnichannel.shared.data;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The outbox over the real PostgreSQL and the real Kafka broker. */
@QuarkusTest
class OutboxRelayTest {

    @Test
    void a_committed_event_reaches_kafka_as_a_cloud_event_keyed_by_its_subject() {
        String key = "customer-" + UUID.randomUUID();
        try (TopicProbe topic = TopicProbe.open(TestApplication.TOPIC)) {
            String id = given().contentType(ContentType.JSON)
                    .body(Map.of("key", key, "message", "hello"))
                    .post("/test/events")
                    .then().statusCode(200).extract().path("id");

            TopicProbe.Received record = topic.await(r -> key.equals(r.key()));
            assertEquals(id, record.event().path("id").asText());
            assertEquals("1.0", record.event().path("specversion").asText());
            assertEquals("test.something-happened", record.type());
            assertEquals("urn:omnichannel:shared-data-test", record.event().path("source").asText());
            assertEquals(key, record.event().path("subject").asText());
            assertEquals("hello", record.data().path("message").asText());
            assertTrue(record.event().hasNonNull("time"));
        }
    }

    @Test
    void an_event_of_a_rolled_back_transaction_is_never_published() {
        String key = "rolled-back-" + UUID.randomUUID();
        String committedKey = "committed-" + UUID.randomUUID();
        try (TopicProbe topic = TopicProbe.open(TestApplication.TOPIC)) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("key", key, "message", "never", "failAfterPublishing", true))
                    .post("/test/events")
                    .then().statusCode(409);
            given().contentType(ContentType.JSON)
                    .body(Map.of("key", committedKey, "message", "later"))
                    .post("/test/events")
                    .then().statusCode(200);

            // The later, committed event arrives; the rolled-back one never does.
            topic.await(r -> committedKey.equals(r.key()));
            assertEquals(List.of(), topic.all(r -> key.equals(r.key()), Duration.ofSeconds(1)));
        }
    }

    @Test
    void events_of_one_key_arrive_in_the_order_they_were_committed() {
        String key = "ordered-" + UUID.randomUUID();
        try (TopicProbe topic = TopicProbe.open(TestApplication.TOPIC)) {
            for (int i = 0; i < 20; i++) {
                given().contentType(ContentType.JSON)
                        .body(Map.of("key", key, "message", "m" + i))
                        .post("/test/events")
                        .then().statusCode(200);
            }
            topic.await(r -> key.equals(r.key()) && r.data().path("message").asText().equals("m19"));
            List<String> messages = topic.all(r -> key.equals(r.key()), Duration.ZERO).stream()
                    .map(r -> r.data().path("message").asText())
                    .toList();
            assertEquals(java.util.stream.IntStream.range(0, 20).mapToObj(i -> "m" + i).toList(), messages);
        }
    }
}

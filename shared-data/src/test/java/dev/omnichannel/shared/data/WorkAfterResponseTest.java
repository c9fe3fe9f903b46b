package dev.omnichannel.shared.data;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omnichannel.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A request's events are relayed with its response, without the relay's frequent drains; what it writes after its
 * response is not, and still goes out within moments (the slow poll, an hour here, is not what relays it).
 */
@QuarkusTest
@TestProfile(WorkAfterResponseTest.NoSlowPoll.class)
class WorkAfterResponseTest {

    public static class NoSlowPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("omni.outbox.poll-interval", "1h");
        }
    }

    @Test
    void events_a_request_writes_after_its_response_are_relayed_soon_after() {
        String key = "after-the-response-" + UUID.randomUUID();
        try (TopicProbe topic = TopicProbe.open(TestApplication.TOPIC)) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("key", key, "message", "later"))
                    .post("/test/events/after-response")
                    .then().statusCode(200);

            assertEquals("later", topic.await(r -> key.equals(r.key()), Duration.ofSeconds(10)).event()
                    .path("data").path("message").asText());
        }
    }
}

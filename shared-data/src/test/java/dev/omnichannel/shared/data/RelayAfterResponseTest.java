package dev.omnichannel.shared.data;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omnichannel.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** With the relay's timers out of the way, a request's events still go out: its response drains them. */
@QuarkusTest
@TestProfile(RelayAfterResponseTest.NoTimers.class)
class RelayAfterResponseTest {

    public static class NoTimers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("omni.outbox.drain-after-write", "PT0S", "omni.outbox.poll-interval", "1h");
        }
    }

    @Test
    void the_events_of_a_request_are_relayed_when_its_response_is_ready() {
        String key = "after-response-" + UUID.randomUUID();
        try (TopicProbe topic = TopicProbe.open(TestApplication.TOPIC)) {
            String id = given().contentType(ContentType.JSON)
                    .body(Map.of("key", key, "message", "at once"))
                    .post("/test/events")
                    .then().statusCode(200).extract().path("id");

            assertEquals(id, topic.await(r -> key.equals(r.key())).event().path("id").asText());
        }
    }
}

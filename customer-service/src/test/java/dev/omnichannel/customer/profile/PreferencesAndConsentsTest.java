package dev.omnichannel.customer.profile;

import static dev.omnichannel.customer.support.Service.asGateway;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.customer.support.PersonalData;
import dev.omnichannel.customer.support.Service;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Preferences and consents, and the events that carry them to the other services. */
@QuarkusTest
class PreferencesAndConsentsTest {

    @Test
    void a_withdrawn_consent_reaches_the_event_stream_with_its_time_and_channel() {
        String id = Service.newCustomer("Withdrawing");
        // opened before the grant: the relay is asynchronous, so the grant's events may follow any later step
        try (TopicProbe topic = TopicProbe.open(Topics.CUSTOMER_EVENTS)) {
            Service.consent(id, "sms", true);
            long grantedVersion = topic.await(r -> id.equals(r.key()) && r.type().equals("customer.profile-changed")
                    && r.data().path("consents").path("sms").path("granted").asBoolean(false)).data().path("version").asLong();

            asGateway("mobile").body(Map.of("granted", false)).put("/customers/{id}/consents/sms", id)
                    .then().statusCode(200)
                    .body("consents.sms", equalTo(false))
                    .body("consentDetails.sms.givenOn", equalTo("mobile"))
                    .body("consentDetails.sms.at", notNullValue());

            TopicProbe.Received snapshot = topic.await(r -> id.equals(r.key()) && r.type().equals("customer.profile-changed")
                    && r.data().path("version").asLong() > grantedVersion);
            assertFalse(snapshot.data().path("consents").path("sms").path("granted").asBoolean(true));
            assertEquals(id, snapshot.data().path("customerId").asText());
            // one key, one partition: the withdrawal's consent event came before its snapshot, after the grant's
            var consentChanges = topic.all(r -> id.equals(r.key()) && r.type().equals("customer.consent-changed"), Duration.ZERO);
            assertEquals(2, consentChanges.size(), consentChanges.toString());
            TopicProbe.Received withdrawn = consentChanges.get(1);
            assertEquals("sms", withdrawn.data().path("channel").asText());
            assertFalse(withdrawn.data().path("granted").asBoolean(true));
            assertEquals("mobile", withdrawn.data().path("givenOn").asText());
        }
    }

    @Test
    void every_change_publishes_a_snapshot_of_a_higher_version() {
        try (TopicProbe topic = TopicProbe.open(Topics.CUSTOMER_EVENTS)) {
            String id = Service.newCustomer("Versioned");
            asGateway().body(Map.of("language", "fr")).patch("/customers/{id}/preferences", id).then().statusCode(200);
            Service.consent(id, "email", true);
            asGateway().body(Map.of("type", "email", "value", "v-" + id + "@example.com")).post("/customers/{id}/identities", id)
                    .then().statusCode(200);

            TopicProbe.Received last = topic.await(r -> id.equals(r.key()) && r.type().equals("customer.profile-changed")
                    && PersonalData.opened(r).path("emails").size() == 1);
            var versions = topic.all(r -> id.equals(r.key()) && r.type().equals("customer.profile-changed"), Duration.ZERO)
                    .stream().map(r -> r.data().path("version").asLong()).toList();
            assertEquals(4, versions.size(), "creation and three changes: " + versions);
            assertEquals(versions.stream().sorted().distinct().toList(), versions, "each version higher than the last");
            assertEquals("fr", last.data().path("preferences").path("language").asText());
            assertTrue(last.data().path("consents").path("email").path("granted").asBoolean());
        }
    }

    @Test
    void preferences_change_partially_and_quiet_hours_can_be_removed() {
        String id = Service.newCustomer("Preferring");
        asGateway().body(Map.of("preferredChannel", "whatsapp", "preferredStoreId", "paris-bastille", "language", "en",
                "timeZone", "America/New_York", "quietHours", Map.of("start", "22:00", "end", "07:30")))
                .patch("/customers/{id}/preferences", id)
                .then().statusCode(200)
                .body("preferences.preferredChannel", equalTo("whatsapp"))
                .body("preferences.quietHours.start", equalTo("22:00"));

        asGateway().body(Map.of("language", "fr")).patch("/customers/{id}/preferences", id)
                .then().statusCode(200)
                .body("preferences.language", equalTo("fr"))
                .body("preferences.preferredStoreId", equalTo("paris-bastille"))
                .body("preferences.timeZone", equalTo("America/New_York"));

        asGateway().body(Map.of("quietHours", Map.of())).patch("/customers/{id}/preferences", id)
                .then().statusCode(200).body("preferences.quietHours", nullValue())
                .body("preferences.preferredChannel", equalTo("whatsapp"));
    }

    @Test
    void invalid_preferences_are_400_problems_and_change_nothing() {
        String id = Service.newCustomer("Strict");
        asGateway().body(Map.of("timeZone", "Europe/Paris", "language", "fr")).patch("/customers/{id}/preferences", id)
                .then().statusCode(200);

        for (Map<String, Object> bad : new Map[] {
                Map.of("timeZone", "Mars/Olympus"),
                Map.of("timeZone", "Europe/Paris", "preferredChannel", "pigeon"),
                Map.of("quietHours", Map.of("start", "25:00", "end", "07:00")),
                Map.of("quietHours", Map.of("start", "22:00")),
                Map.of("language", "Français"),
                Map.of("preferredStoreId", "Paris Louvre!") }) {
            asGateway().body(bad).patch("/customers/{id}/preferences", id)
                    .then().statusCode(400).contentType("application/problem+json").body("errors", notNullValue());
        }
        asGateway().get("/customers/{id}", id).then().statusCode(200)
                .body("preferences.timeZone", equalTo("Europe/Paris"))
                .body("preferences.language", equalTo("fr"))
                .body("preferences.preferredChannel", nullValue())
                .body("preferences.quietHours", nullValue());
    }

    @Test
    void an_unknown_consent_channel_or_caller_channel_is_a_400_problem_and_changes_nothing() {
        String id = Service.newCustomer("Consenting");
        asGateway("web").body(Map.of("granted", true)).put("/customers/{id}/consents/fax", id)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("channel"));
        asGateway("telepathy").body(Map.of("granted", true)).put("/customers/{id}/consents/email", id)
                .then().statusCode(400).contentType("application/problem+json");
        asGateway("web").body(new HashMap<>()).put("/customers/{id}/consents/email", id)
                .then().statusCode(400).contentType("application/problem+json");
        asGateway().get("/customers/{id}", id).then().statusCode(200)
                .body("consents.email", equalTo(false))
                .body("consentDetails.email", nullValue());
    }

    @Test
    void a_consent_change_retried_with_its_idempotency_key_is_applied_once() {
        String id = Service.newCustomer("Retrying");
        String key = UUID.randomUUID().toString();
        String firstAt = asGateway("web").header("Idempotency-Key", key).body(Map.of("granted", true))
                .put("/customers/{id}/consents/push", id).then().statusCode(200).extract().path("consentDetails.push.at");
        long version = asGateway().get("/customers/{id}", id).then().extract().<Number>path("version").longValue();

        asGateway("web").header("Idempotency-Key", key).body(Map.of("granted", true))
                .put("/customers/{id}/consents/push", id).then().statusCode(200).body("consentDetails.push.at", equalTo(firstAt));
        asGateway().get("/customers/{id}", id).then().body("version", equalTo((int) version))
                .body("consentDetails.push.at", equalTo(firstAt));
    }
}

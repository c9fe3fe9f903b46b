package dev.omnichannel.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.testing.TopicProbe;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Changing a customer's preferences and consents through the gateway, and waiting until the change
 * is published on {@code customer.events} — what messaging-service reads before it chooses a channel.
 */
public final class Profiles {

    private Profiles() {
    }

    public static void setConsent(Caller customer, String channel, boolean granted) {
        if (profile(customer).getBoolean("consents." + channel) == granted) {
            return;
        }
        changeAndAwait(customer, snapshot -> snapshot.path("consents").path(channel).path("granted").asBoolean(!granted) == granted,
                () -> customer.api().body(Map.of("granted", granted)).put("/me/consents/{channel}", channel)
                        .then().statusCode(200));
    }

    /** {@code quietHours} {@code {"start","end"}} local times, or an empty map to remove them. */
    public static void setQuietHours(Caller customer, Map<String, String> quietHours) {
        Object now = profile(customer).get("preferences.quietHours");
        if (quietHours.isEmpty() ? now == null : quietHours.equals(now)) {
            return;
        }
        changeAndAwait(customer, snapshot -> {
            JsonNode published = snapshot.path("preferences").path("quietHours");
            return quietHours.isEmpty() ? published.isNull() || published.isMissingNode()
                    : quietHours.get("start").equals(published.path("start").asText())
                            && quietHours.get("end").equals(published.path("end").asText());
        }, () -> customer.api().body(Map.of("quietHours", quietHours)).patch("/me/preferences").then().statusCode(200));
    }

    /** {@code email}, {@code sms}, {@code push} or {@code whatsapp}: the channel messaging tells the customer on. */
    public static void setPreferredChannel(Caller customer, String channel) {
        if (channel.equals(profile(customer).getString("preferences.preferredChannel"))) {
            return;
        }
        changeAndAwait(customer, snapshot -> channel.equals(snapshot.path("preferences").path("preferredChannel").asText()),
                () -> customer.api().body(Map.of("preferredChannel", channel)).patch("/me/preferences").then().statusCode(200));
    }

    private static JsonPath profile(Caller customer) {
        return customer.api().get("/me").then().statusCode(200).extract().jsonPath();
    }

    private static void changeAndAwait(Caller customer, Predicate<JsonNode> published,
            Runnable change) {
        String id = customer.customerId();
        try (TopicProbe events = TopicProbe.open("customer.events")) {
            change.run();
            events.await(e -> e.type().equals("customer.profile-changed") && id.equals(e.data().path("customerId").asText())
                    && published.test(e.data()), Duration.ofSeconds(60));
        }
    }
}

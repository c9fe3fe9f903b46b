package dev.omnichannel.e2e.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.Duration;

/** What the demo customers' profiles must be for a journey to expect a message on a given channel. */
public final class Customers {

    /** Mails go through the outbox, Kafka, messaging's dispatcher (1 s) and SMTP: generous on a loaded machine. */
    public static final Duration MAIL_WAIT = Duration.ofSeconds(90);

    private Customers() {
    }

    /** The customer is told by email: preferred channel email, email consent given, no quiet hours. */
    public static void expectMailFor(Caller customer) {
        JsonPath profile = customer.api().get("/me").then().statusCode(200).extract().jsonPath();
        assertTrue("email".equals(profile.getString("preferences.preferredChannel"))
                && profile.getBoolean("consents.email") && profile.get("preferences.quietHours") == null,
                customer + " is told by email (demo preferences); now: " + profile.get("preferences") + " "
                        + profile.get("consents"));
    }
}

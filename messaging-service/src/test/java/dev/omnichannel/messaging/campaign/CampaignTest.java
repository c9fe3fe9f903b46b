package dev.omnichannel.messaging.campaign;

import static dev.omnichannel.messaging.support.Api.asGateway;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.messaging.support.Events;
import dev.omnichannel.messaging.support.Mime;
import dev.omnichannel.messaging.support.ProviderStubs;
import dev.omnichannel.messaging.support.Providers;
import dev.omnichannel.messaging.support.TestCustomer;
import dev.omnichannel.messaging.support.TestDb;
import dev.omnichannel.testing.Mailbox;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A promotion to a segment: each member on their own channel, the same offer everywhere. */
@QuarkusTest
@WithTestResource(value = ProviderStubs.class, scope = TestResourceScope.GLOBAL)
class CampaignTest {

    private static final Map<String, Object> WINTER = Map.of("promotion",
            Map.of("name", "Winter sale", "description", "20 % off rain jackets and winter gloves"));

    @Inject
    ObjectMapper mapper;

    @Inject
    TestDb db;

    private TestCustomer member(String segment, String preferred, boolean email, boolean sms, String language) {
        TestCustomer customer = new TestCustomer();
        customer.segments = List.of(segment, "regular:paris-louvre");
        customer.preferredChannel = preferred;
        customer.consents = Events.consents(email, sms, false, false);
        customer.language = language;
        Events.publishSnapshot(mapper, customer.snapshot());
        db.awaitRecipient(customer.id, 1);
        return customer;
    }

    @Test
    void every_member_of_the_segment_gets_the_same_offer_on_their_own_channel() {
        String segment = "vip-" + UUID.randomUUID();
        TestCustomer byEmail = member(segment, "email", true, true, "en");
        TestCustomer bySms = member(segment, "sms", true, true, "fr");
        TestCustomer noConsent = member(segment, "email", false, false, "en");
        member("other-" + segment, "email", true, true, "en");

        String key = UUID.randomUUID().toString();
        String id = asGateway().header("Idempotency-Key", key)
                .body(Map.of("segment", segment, "templateKey", "promotion", "promotionId", "PROMO-WINTER", "data", WINTER))
                .post("/campaigns").then().statusCode(202)
                .body("recipients", equalTo(3)).extract().path("id");

        Mailbox.Mail mail = Mailbox.await(byEmail.email, m -> m.subject().equals("Winter sale"), Duration.ofSeconds(30));
        assertTrue(Mime.decoded(mail.mimeMessage()).contains("Winter sale: 20 % off rain jackets and winter gloves."));
        JsonNode sms = Providers.await("sms", r -> bySms.phone.equals(r.path("to").asText()));
        assertTrue(sms.path("text").asText().startsWith("Winter sale : 20 % off rain jackets and winter gloves. http://localhost:8083/t/"),
                sms.path("text").asText());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asGateway()
                .get("/customers/" + noConsent.id + "/notifications").then().statusCode(200)
                .body("items.title", hasItem("Winter sale"))
                .body("items[0].body", equalTo("20 % off rain jackets and winter gloves")));

        // a retry of the request is the same campaign
        asGateway().header("Idempotency-Key", key)
                .body(Map.of("segment", segment, "templateKey", "promotion", "promotionId", "PROMO-WINTER", "data", WINTER))
                .post("/campaigns").then().statusCode(202).body("id", equalTo(id)).body("recipients", equalTo(3));
        assertEquals(3, db.query("SELECT 1 FROM notification WHERE trigger_id LIKE 'campaign:%' AND customer_id IN ($1, $2, $3)",
                byEmail.id, bySms.id, noConsent.id).size());
    }

    @Test
    void data_the_template_cannot_render_is_refused_before_anyone_is_written_to() {
        String segment = "vip-" + UUID.randomUUID();
        TestCustomer customer = member(segment, "email", true, true, "en");
        asGateway().body(Map.of("segment", segment, "templateKey", "promotion", "data", Map.of("offer", "nothing")))
                .post("/campaigns").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("data"));
        asGateway().body(Map.of("segment", segment, "templateKey", "no-such-template"))
                .post("/campaigns").then().statusCode(400).body("errors[0].field", equalTo("templateKey"));
        assertEquals(List.of(), db.query("SELECT 1 FROM notification WHERE customer_id = $1", customer.id));
    }
}

package dev.omnichannel.messaging.template;

import static dev.omnichannel.messaging.support.Api.asGateway;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import dev.omnichannel.messaging.support.ProviderStubs;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = ProviderStubs.class, scope = TestResourceScope.GLOBAL)
class TemplateResourceTest {

    private static final Map<String, Object> EMAIL_EN = Map.of("subject", "Hello {customer.name}",
            "html", "<p>Hello {customer.name}</p>", "text", "Hello {customer.name}");

    private static String key() {
        return "test." + UUID.randomUUID();
    }

    @Test
    void a_template_is_stored_with_a_variant_per_channel_and_language() {
        String key = key();
        Map<String, Object> template = Map.of("critical", true, "variants", Map.of(
                "email", Map.of("en", EMAIL_EN, "fr", Map.of("subject", "Bonjour", "html", "<p>Bonjour</p>", "text", "Bonjour")),
                "sms", Map.of("en", Map.of("text", "Hi {customer.name}"), "fr", Map.of("text", "Bonjour {customer.name}")),
                "push", Map.of("en", Map.of("title", "Hi", "body", "Hello", "deepLink", "{deepLink}"),
                        "fr", Map.of("title", "Salut", "body", "Bonjour", "deepLink", "{deepLink}")),
                "in-app", Map.of("en", Map.of("title", "Hi", "body", "Hello"), "fr", Map.of("title", "Salut", "body", "Bonjour"))));

        asGateway().body(template).put("/templates/" + key).then().statusCode(200)
                .body("key", equalTo(key), "version", equalTo(1));

        asGateway().get("/templates/" + key).then().statusCode(200)
                .body("critical", equalTo(true))
                .body("channels", containsInAnyOrder("email", "sms", "push", "in-app"))
                .body("languages", containsInAnyOrder("en", "fr"))
                .body("defaultLanguage", equalTo("en"))
                .body("variants.sms.fr.text", equalTo("Bonjour {customer.name}"))
                .body("variants.push.en.deepLink", equalTo("{deepLink}"));
    }

    @Test
    void a_declared_channel_without_a_variant_is_refused_at_save_time() {
        String key = key();
        asGateway().body(Map.of("channels", List.of("email", "sms"), "variants", Map.of("email", Map.of("en", EMAIL_EN))))
                .put("/templates/" + key)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("variants.sms"));
        asGateway().get("/templates/" + key).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void a_channel_missing_one_of_the_templates_languages_is_refused() {
        asGateway().body(Map.of("variants", Map.of(
                        "email", Map.of("en", EMAIL_EN, "fr", EMAIL_EN),
                        "sms", Map.of("en", Map.of("text", "Hi")))))
                .put("/templates/" + key())
                .then().statusCode(400)
                .body("errors.field", hasItem("variants.sms.fr"));
    }

    @Test
    void a_variant_missing_a_field_its_channel_needs_is_refused() {
        asGateway().body(Map.of("variants", Map.of(
                        "email", Map.of("en", Map.of("subject", "Hi", "text", "Hello")),
                        "push", Map.of("en", Map.of("title", "Hi", "body", "Hello")))))
                .put("/templates/" + key())
                .then().statusCode(400)
                .body("errors.field", hasItem("variants.email.en.html"))
                .body("errors.field", hasItem("variants.push.en.deepLink"));
    }

    @Test
    void a_qute_syntax_error_is_refused_at_save_time() {
        asGateway().body(Map.of("variants", Map.of("sms", Map.of("en", Map.of("text", "Ready {#if reservation.ready}now")))))
                .put("/templates/" + key())
                .then().statusCode(400)
                .body("errors.field", hasItem("variants.sms.en.text"))
                .body("errors.message", hasItem(containsString("invalid template")));
    }

    @Test
    void an_sms_longer_than_three_segments_once_rendered_with_the_sample_is_refused() {
        String text = "Your order {order.id} is ready. " + "Please come to the store. ".repeat(12);
        Map<String, Object> fits = Map.of("sample", Map.of("order", Map.of("id", "A1")),
                "variants", Map.of("sms", Map.of("en", Map.of("text", text))));
        asGateway().body(fits).put("/templates/" + key()).then().statusCode(200);

        Map<String, Object> tooLong = Map.of("sample", Map.of("order", Map.of("id", "A".repeat(200))),
                "variants", Map.of("sms", Map.of("en", Map.of("text", text))));
        asGateway().body(tooLong).put("/templates/" + key())
                .then().statusCode(400)
                .body("errors.field", hasItem("variants.sms.en.text"))
                .body("errors.message", hasItem(containsString("segments")));
    }

    @Test
    void an_sms_with_a_character_outside_gsm_is_limited_to_three_ucs2_segments() {
        String text = "Votre commande est prête à être retirée, merci de votre fidélité ! ".repeat(3) + "ç";
        asGateway().body(Map.of("variants", Map.of("sms", Map.of("fr", Map.of("text", text)))))
                .put("/templates/" + key())
                .then().statusCode(400)
                .body("errors.message", hasItem(containsString("UCS-2")));
    }

    @Test
    void sample_data_that_the_variants_cannot_render_is_refused() {
        asGateway().body(Map.of("sample", Map.of("customer", Map.of("name", "Jane")),
                        "variants", Map.of("sms", Map.of("en", Map.of("text", "Code {reservation.pickupCode}")))))
                .put("/templates/" + key())
                .then().statusCode(400)
                .body("errors.field", hasItem("variants.sms.en.text"));
    }

    @Test
    void saving_again_replaces_the_template_and_a_retry_with_the_same_key_changes_nothing() {
        String key = key();
        Map<String, Object> first = Map.of("variants", Map.of("sms", Map.of("en", Map.of("text", "One"))));
        Map<String, Object> second = Map.of("variants", Map.of("sms", Map.of("en", Map.of("text", "Two"))));
        String idempotencyKey = UUID.randomUUID().toString();
        asGateway().header("Idempotency-Key", idempotencyKey).body(first).put("/templates/" + key).then().statusCode(200)
                .body("version", equalTo(1));
        asGateway().header("Idempotency-Key", idempotencyKey).body(first).put("/templates/" + key).then().statusCode(200)
                .body("version", equalTo(1));
        asGateway().body(second).put("/templates/" + key).then().statusCode(200).body("version", equalTo(2));
        asGateway().get("/templates/" + key).then().body("variants.sms.en.text", equalTo("Two"));
    }

    @Test
    void the_demo_templates_have_every_channel_in_english_and_french() {
        for (String key : List.of("reservation.confirmed", "reservation.ready", "reservation.expiring", "order.shipped",
                "order.delivered", "return.accepted", "back-in-stock", "promotion")) {
            asGateway().get("/templates/" + key).then().statusCode(200)
                    .body("channels", containsInAnyOrder("email", "sms", "push", "whatsapp", "in-app"))
                    .body("languages", containsInAnyOrder("en", "fr"))
                    .body("variants.email.fr.subject", notNullValue());
        }
        asGateway().get("/templates/reservation.ready").then().body("critical", equalTo(true));
        asGateway().get("/templates/promotion").then().body("critical", equalTo(false));
    }

    @Test
    void only_the_gateway_may_manage_templates() {
        given().get("/templates/reservation.ready").then().statusCode(401).contentType("application/problem+json");
    }
}

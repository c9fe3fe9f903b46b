package dev.omnichannel.customer.demo;

import static dev.omnichannel.customer.support.Service.asGateway;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.omnichannel.customer.demo.service.DemoCustomers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo customers of COMMON.md, made through the service's own logic. */
@QuarkusTest
class DemoCustomersTest {

    @Inject
    DemoCustomers demo;

    @Test
    void alice_bob_and_alices_duplicate_are_there_and_the_duplicate_can_be_merged() throws Throwable {
        VertxContextSupport.subscribeAndAwait(demo::load);

        String alice = asGateway().get("/customers?identity=oidc:{sub}", DemoCustomers.ALICE_SUBJECT).then().statusCode(200)
                .body("items[0].identities.value", hasItems("alice@example.com", "+33612345678", "LOY-1001"))
                .body("items[0].preferences.preferredStoreId", equalTo("paris-louvre"))
                .body("items[0].preferences.preferredChannel", equalTo("email"))
                .body("items[0].preferences.language", equalTo("fr"))
                .body("items[0].preferences.timeZone", equalTo("Europe/Paris"))
                .body("items[0].consents", equalTo(Map.of("email", true, "sms", true, "push", false, "whatsapp", false)))
                .extract().path("items[0].id");
        asGateway().get("/customers?identity=phone:+33698765432").then().statusCode(200)
                .body("items[0].identities.value", hasItems("bob@example.com", DemoCustomers.BOB_SUBJECT))
                .body("items[0].preferences.preferredStoreId", equalTo("lyon-part-dieu"))
                .body("items[0].preferences.preferredChannel", equalTo("sms"))
                .body("items[0].preferences.language", equalTo("en"));
        String duplicate = asGateway().get("/customers?identity=social:instagram:@alice.m").then().statusCode(200)
                .body("items[0].displayName", equalTo("Alice M."))
                .body("items[0].identities.value", containsInAnyOrder("+33611112222", "@alice.m"))
                .extract().path("items[0].id");

        asGateway().header("X-Actor", "staff:clerk@paris-louvre").body(Map.of("duplicateId", duplicate))
                .post("/customers/{id}/merge", alice).then().statusCode(200);
        asGateway().get("/customers?identity=phone:+33611112222").then().statusCode(200)
                .body("items[0].id", equalTo(alice))
                .body("items[0].displayName", equalTo("Alice Martin"));
    }
}

package dev.omnichannel.customer.profile;

import static dev.omnichannel.customer.support.Service.asGateway;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omnichannel.customer.support.Database;
import dev.omnichannel.customer.support.Service;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Identities: linking, look-up, uniqueness across customers, and refusal of bad ones. */
@QuarkusTest
class IdentityTest {

    @Inject
    Pool pool;

    @Test
    void a_linked_identity_finds_its_customer_by_any_spelling() {
        String id = Service.newCustomer("Linked");
        String handle = "@h" + UUID.randomUUID().toString().substring(0, 8);
        Service.link(id, "social", handle.toUpperCase(), "Instagram");
        Service.link(id, "loyalty", "loy-" + handle.substring(2), null);

        asGateway().get("/customers?identity=social:instagram:{handle}", handle.substring(1))
                .then().statusCode(200).body("items[0].id", equalTo(id));
        asGateway().get("/customers?identity=loyalty:{card}", "LOY-" + handle.substring(2).toUpperCase())
                .then().statusCode(200).body("items[0].id", equalTo(id))
                .body("items[0].identities.find { it.type == 'social' }.provider", equalTo("instagram"));
    }

    @Test
    void linking_an_identity_another_customer_holds_is_a_conflict_and_changes_nothing() {
        String holder = Service.newCustomer("Holder");
        String other = Service.newCustomer("Other");
        String phone = Service.uniquePhone();
        Service.link(holder, "phone", phone, null);

        asGateway().body(Map.of("type", "phone", "value", phone)).post("/customers/{id}/identities", other)
                .then().statusCode(409).contentType("application/problem+json");
        asGateway().get("/customers?identity=phone:{phone}", phone).then().statusCode(200).body("items[0].id", equalTo(holder));
        assertEquals(1, Database.count(pool, "SELECT count(*) FROM customer_identity WHERE customer_id = $1", UUID.fromString(other)));
    }

    @Test
    void linking_an_identity_twice_to_the_same_customer_is_harmless() {
        String id = Service.newCustomer("Twice");
        String email = "twice-" + UUID.randomUUID() + "@example.com";
        Service.link(id, "email", email, null);
        Service.link(id, "email", email, null);
        asGateway().get("/customers/{id}", id).then().statusCode(200).body("identities.value", hasItem(email));
        assertEquals(1, Database.count(pool, "SELECT count(*) FROM customer_identity WHERE value = $1", email));
    }

    @ParameterizedTest
    @CsvSource({
            "phone, 12345, , value",
            "phone, +33 1 23, , value",
            "phone, +999999999999999999, , value",
            "phone, not a phone, , value",
            "fax, 0612345678, , type",
            "email, alice-at-example.com, , value",
            "social, @someone, , provider",
            "loyalty, ?, , value" })
    void an_invalid_identity_is_a_400_problem_and_changes_nothing(String type, String value, String provider, String field) {
        String id = Service.newCustomer("Careful");
        long before = Database.count(pool, "SELECT count(*) FROM customer_identity");
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("value", value);
        body.put("provider", provider);

        asGateway().body(body).post("/customers/{id}/identities", id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("errors.field", hasItem(field));
        asGateway().body(body).post("/customers/resolve")
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(before, Database.count(pool, "SELECT count(*) FROM customer_identity"));
    }

    @Test
    void unknown_ids_and_unknown_identities_are_404_problems() {
        asGateway().get("/customers/{id}", UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        asGateway().get("/customers/not-a-uuid").then().statusCode(404);
        asGateway().get("/customers?identity=email:nobody-{x}@example.com", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        asGateway().body(Map.of("type", "email", "value", "x@example.com")).post("/customers/{id}/identities", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void a_look_up_without_type_is_a_400_problem() {
        asGateway().get("/customers?identity=alice").then().statusCode(400).contentType("application/problem+json");
        asGateway().get("/customers").then().statusCode(400).contentType("application/problem+json");
    }
}

package dev.omnichannel.customer.profile;

import static dev.omnichannel.customer.support.Service.asGateway;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omnichannel.customer.support.Database;
import dev.omnichannel.customer.support.Service;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** POST /customers/resolve: find-or-create by one identity, over the real PostgreSQL. */
@QuarkusTest
class ResolveTest {

    @Inject
    Pool pool;

    @Test
    void concurrent_first_logins_with_one_identity_make_one_profile() throws Exception {
        String subject = "sub-" + UUID.randomUUID();
        int callers = 12;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        List<Response> answers = new ArrayList<>();
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            String token = Service.gatewayToken();
            for (int i = 0; i < callers; i++) {
                calls.add(() -> {
                    start.await();
                    return io.restassured.RestAssured.given().auth().oauth2(token).contentType("application/json")
                            .body(Map.of("type", "oidc", "value", subject)).post("/customers/resolve");
                });
            }
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> call : calls) {
                futures.add(threads.submit(call));
            }
            start.countDown();
            for (Future<Response> future : futures) {
                answers.add(future.get());
            }
        } finally {
            threads.shutdownNow();
        }

        Set<String> ids = new HashSet<>();
        int created = 0;
        for (Response answer : answers) {
            ids.add(answer.then().extract().path("id"));
            created += answer.statusCode() == 201 ? 1 : 0;
            assertEquals(true, answer.statusCode() == 200 || answer.statusCode() == 201, answer.asString());
        }
        assertEquals(1, ids.size(), "every caller gets the same profile");
        assertEquals(1, created, "exactly one call created it");
        assertEquals(1, Database.count(pool, "SELECT count(*) FROM customer_identity WHERE type = 'oidc' AND value = $1", subject));
        assertEquals(1, Database.count(pool, "SELECT count(*) FROM customer WHERE id = $1", UUID.fromString(ids.iterator().next())));
    }

    @Test
    void resolving_the_same_subject_again_finds_the_same_profile() {
        String subject = "sub-" + UUID.randomUUID();
        String id = asGateway().body(Map.of("type", "oidc", "value", subject)).post("/customers/resolve")
                .then().statusCode(201).body("segments", hasItem("new")).extract().path("id");

        asGateway().body(Map.of("type", "oidc", "value", subject)).post("/customers/resolve")
                .then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void a_new_subject_whose_verified_email_is_known_joins_that_profile() {
        String email = "joiner-" + UUID.randomUUID() + "@example.com";
        String existing = Service.newCustomer("Joiner");
        Service.link(existing, "email", email, null);

        Map<String, Object> login = new HashMap<>();
        login.put("type", "oidc");
        login.put("value", "sub-" + UUID.randomUUID());
        login.put("email", email.toUpperCase());
        login.put("emailVerified", true);
        asGateway().body(login).post("/customers/resolve")
                .then().statusCode(200)
                .body("id", equalTo(existing))
                .body("identities.type", hasItems("oidc", "email"));
    }

    @Test
    void an_unverified_email_never_links_a_subject_to_someone_else() {
        String email = "victim-" + UUID.randomUUID() + "@example.com";
        String victim = Service.newCustomer("Victim");
        Service.link(victim, "email", email, null);

        Map<String, Object> login = new HashMap<>();
        login.put("type", "oidc");
        login.put("value", "sub-" + UUID.randomUUID());
        login.put("email", email);
        login.put("emailVerified", false);
        asGateway().body(login).post("/customers/resolve")
                .then().statusCode(201)
                .body("id", not(equalTo(victim)))
                .body("identities.type", not(hasItem("email")));
    }

    @Test
    void a_first_login_with_a_free_verified_email_keeps_it_as_contact() {
        String email = "fresh-" + UUID.randomUUID() + "@example.com";
        Map<String, Object> login = new HashMap<>();
        login.put("type", "oidc");
        login.put("value", "sub-" + UUID.randomUUID());
        login.put("email", email);
        login.put("emailVerified", true);
        login.put("displayName", "Fresh");
        asGateway().body(login).post("/customers/resolve")
                .then().statusCode(201)
                .body("displayName", equalTo("Fresh"))
                .body("identities.value", hasItem(email));
    }

    @Test
    void a_phone_written_in_any_form_is_one_identity() {
        String national = "06 1" + String.format("%01d %02d %02d %02d", (int) (Math.random() * 10), (int) (Math.random() * 100),
                (int) (Math.random() * 100), (int) (Math.random() * 100));
        String e164 = "+33" + national.substring(1).replace(" ", "");
        String id = asGateway().body(Map.of("type", "phone", "value", national)).post("/customers/resolve")
                .then().statusCode(201).body("identities.value", hasItem(e164)).extract().path("id");

        asGateway().body(Map.of("type", "phone", "value", "0033 (0)" + national.substring(1))).post("/customers/resolve")
                .then().statusCode(200).body("id", equalTo(id));
        asGateway().get("/customers?identity=phone:{value}", e164)
                .then().statusCode(200).body("items[0].id", equalTo(id));
    }

    @Test
    void a_retry_with_the_same_idempotency_key_returns_the_first_answer() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("type", "loyalty", "value", "loy-" + UUID.randomUUID().toString().substring(0, 8));
        String id = asGateway().header("Idempotency-Key", key).body(body).post("/customers/resolve")
                .then().statusCode(201).extract().path("id");

        asGateway().header("Idempotency-Key", key).body(body).post("/customers/resolve")
                .then().statusCode(201).body("id", equalTo(id));
    }
}

package dev.omnichannel.e2e.contract;

import static dev.omnichannel.e2e.support.Eventually.eventually;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.e2e.chaos.ChaosResults;
import dev.omnichannel.e2e.support.Caller;
import dev.omnichannel.e2e.support.FuzzInputs;
import dev.omnichannel.e2e.support.KeycloakUsers;
import dev.omnichannel.e2e.support.OpenApiOperations;
import dev.omnichannel.e2e.support.OpenApiOperations.Operation;
import dev.omnichannel.testing.LocalStack;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Hostile requests to every operation of the gateway's OpenAPI document, as every kind of caller:
 * wrong types, missing and unknown fields, boundary numbers, huge and unicode strings, broken JSON,
 * wrong content types, invalid ids. No answer is a 5xx; every 4xx is a problem+json that shows no
 * stack trace, class or SQL. Seeded ({@code -Dfuzz.seed}) and sized ({@code -Dfuzz.cases}, per
 * operation and caller): the README test command runs a short walk, {@code -Dfuzz.cases=200} a long one.
 */
class ContractFuzzIT {

    static final long SEED = Long.getLong("fuzz.seed", 20261207L);
    static final int CASES = Integer.getInteger("fuzz.cases", 6);
    static final int REFUSAL_CASES = Math.min(CASES, 6);
    static final List<String> LEAKS = List.of("Exception", "\tat ", "java.", "org.hibernate", "io.vertx", "SQL", "syntax error",
            "relation \"", "duplicate key");

    /**
     * A request line or headers past the HTTP server's limits (4 KiB, 8 KiB) are refused by Vert.x
     * before any route runs, with an empty body: no problem+json is possible there, and nothing leaks.
     */
    static final List<Integer> SERVER_LIMITS = List.of(414, 431);
    /**
     * Vert.x's request-line limit: past it the server answers 414 and closes the connection at once,
     * so a client still sending a body may see a broken pipe instead of the answer.
     */
    static final int REQUEST_LINE_LIMIT = 4096;

    /** Bodies no operation can read as its JSON object. */
    static final List<String> UNPARSABLE_BODIES = List.of("{", "}", "[", "{\"a\":}", "\"text\"", "123", "{\"a\":1,");

    @Test
    void no_hostile_request_gets_a_5xx_or_an_answer_that_is_not_a_clean_problem() {
        String fuzzUser = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
        KeycloakUsers.ensureCustomer(fuzzUser, "Fuzz", "Tester");
        List<Caller> callers = List.of(Caller.ANONYMOUS, Caller.user("storefront", fuzzUser), Caller.CLERK_LOUVRE,
                Caller.ADMIN, Caller.KIOSK_LOUVRE);
        List<Operation> operations = OpenApiOperations.all();
        FuzzInputs inputs = new FuzzInputs(SEED);
        Map<String, int[]> answersByOperation = new TreeMap<>();
        List<String> failures = new ArrayList<>();

        for (Operation operation : operations) {
            int[] byClass = answersByOperation.computeIfAbsent(operation.method() + " " + operation.path(), k -> new int[6]);
            for (Caller caller : callers) {
                for (int i = 0; i < CASES; i++) {
                    String path = operation.pathWith(name -> encoded(inputs.word()));
                    RequestSpecification request = given().baseUri(LocalStack.GATEWAY).urlEncodingEnabled(false)
                            .redirects().follow(false);
                    if (caller != Caller.ANONYMOUS) {
                        request.auth().oauth2(caller.token());
                    }
                    int requestLine = path.length();
                    for (String parameter : operation.queryParameters()) {
                        String value = encoded(inputs.word());
                        request.queryParam(parameter, value);
                        requestLine += parameter.length() + value.length() + 2;
                    }
                    String body = null;
                    if (!List.of("GET", "DELETE").contains(operation.method())) {
                        body = inputs.body(operation.bodyFields());
                        request.contentType(inputs.contentType()).body(body);
                    }
                    Response answer;
                    try {
                        answer = request.request(operation.method(), path);
                    } catch (Exception e) { // RestAssured throws the socket's IOException unchecked
                        if (requestLine > REQUEST_LINE_LIMIT && body != null) {
                            byClass[4]++; // refused as 414 and closed while the body was still being sent
                            continue;
                        }
                        throw e;
                    }
                    byClass[answer.statusCode() / 100]++;
                    check(answer, operation.method() + " " + excerpt(path) + " as " + caller + (body == null ? ""
                            : " with " + excerpt(body)), failures);
                }
            }
        }

        System.out.printf("contract fuzzing, seed %d, %d cases per operation and caller, %d callers%n", SEED, CASES,
                callers.size());
        System.out.printf("%-62s %6s %5s %5s %5s %5s%n", "operation", "sent", "2xx", "3xx", "4xx", "5xx");
        answersByOperation.forEach((operation, counts) -> System.out.printf("%-62s %6d %5d %5d %5d %5d%n", operation,
                counts[2] + counts[3] + counts[4] + counts[5], counts[2], counts[3], counts[4], counts[5]));
        int sent = answersByOperation.values().stream().mapToInt(c -> c[2] + c[3] + c[4] + c[5]).sum();
        int serverErrors = answersByOperation.values().stream().mapToInt(c -> c[5]).sum();
        ChaosResults.record("contract fuzzing (seed " + SEED + ", " + CASES + " cases per operation and caller)",
                sent + " requests to " + operations.size() + " operations: " + serverErrors + " 5xx, " + failures.size()
                        + " answers breaking the contract", "0", failures.isEmpty());
        assertTrue(operations.size() > 50, "the OpenAPI document lists the gateway's operations: " + operations.size());
        assertTrue(failures.isEmpty(), failures.size() + " answers broke the contract (seed " + SEED + "):\n  "
                + String.join("\n  ", failures.subList(0, Math.min(40, failures.size()))));
    }

    /** What earlier walks found, replayed every time: each was a 500 of a service, a 502 at the gateway. */
    @Test
    void nul_characters_and_null_bodies_are_refused_as_bad_requests() {
        String fuzzUser = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
        KeycloakUsers.ensureCustomer(fuzzUser, "Fuzz", "Tester");
        Caller customer = Caller.user("storefront", fuzzUser);
        customer.api().body("{\"subject\":\"order\",\"text\":\"a\\u0000b\"}").post("/me/conversations")
                .then().statusCode(400).contentType("application/problem+json");
        customer.api().urlEncodingEnabled(false).get("/products/TENT%00-2P")
                .then().statusCode(400).contentType("application/problem+json");
        Caller.ADMIN.api().body("null").post("/campaigns")
                .then().statusCode(400).contentType("application/problem+json");
        customer.api().get("/me/conversations").then().statusCode(200).body("total", equalTo(0));
    }

    /**
     * Requests refused by construction (a body no JSON reader takes, an id or SKU naming nothing), sent by a
     * customer to every operation a customer may call that takes a body or an id: each is a 4xx, and the customer's export — everything every
     * service holds of them — is the same after as before.
     */
    @Test
    void a_refused_request_changes_nothing_the_customer_has() {
        String fuzzUser = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
        KeycloakUsers.ensureCustomer(fuzzUser, "Fuzz", "Refused");
        Caller customer = Caller.user("mobile-app", fuzzUser);
        customer.api().body(Map.of("quantity", 2)).put("/me/cart/items/{sku}", "TENT-2P").then().statusCode(200);
        customer.api().body(Map.of("subject", "order", "text", "Is it waterproof?")).post("/me/conversations")
                .then().statusCode(201);
        // the set-up's own effects first: the message reaches the timeline through messaging's event
        String before = eventually().alias("the set-up's message in the customer's timeline")
                .until(() -> exported(customer), containsString("\"kind\":\"conversation.message-added\""));
        FuzzInputs inputs = new FuzzInputs(SEED);
        int refused = 0;
        List<String> accepted = new ArrayList<>();
        for (Operation operation : OpenApiOperations.all()) {
            boolean hasBody = !operation.bodyFields().isEmpty();
            boolean removesALine = operation.method().equals("DELETE") && operation.pathParameters().contains("sku");
            if (!operation.allows("customer") || removesALine || !(hasBody || !operation.pathParameters().isEmpty())) {
                continue; // reads of one's own data, DELETE /me, and taking out a line that is not there are no refusals
            }
            for (int i = 0; i < REFUSAL_CASES; i++) {
                String path = operation.pathWith(name -> "no-such-" + encoded(inputs.word()));
                String body = hasBody ? inputs.oneOf(UNPARSABLE_BODIES) : null;
                Response answer = sentPastTheRateLimit(() -> {
                    RequestSpecification request = customer.api().basePath("").urlEncodingEnabled(false);
                    return (body == null ? request : request.body(body)).request(operation.method(), path);
                });
                if (answer.statusCode() >= 400 && answer.statusCode() < 500) {
                    refused++;
                } else {
                    accepted.add(answer.statusCode() + " for " + operation.method() + " " + excerpt(path));
                }
            }
        }
        System.out.printf("refused requests: %d, then the customer's export compared%n", refused);
        assertTrue(accepted.isEmpty(), "requests built to be refused were not: " + accepted);
        assertTrue(refused > 50, "refused requests sent: " + refused);
        assertEquals(before, exported(customer), "what every service holds of the customer after " + refused + " refusals");
    }

    /** The customer's export without the moment it was made. */
    private static String exported(Caller customer) {
        String export = sentPastTheRateLimit(() -> customer.api().get("/me/export")).then().statusCode(200).extract().asString();
        return export.replaceAll("\"exportedAt\":\"[^\"]*\"", "");
    }

    /** The request again after each 429's Retry-After: a refusal counted here is the operation's, not the rate limit's. */
    private static Response sentPastTheRateLimit(Supplier<Response> request) {
        Response answer = request.get();
        while (answer.statusCode() == 429) {
            try {
                Thread.sleep(1_000L * Long.parseLong(answer.header("Retry-After")));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            answer = request.get();
        }
        return answer;
    }

    private static void check(Response answer, String request, List<String> failures) {
        int status = answer.statusCode();
        String body = answer.asString();
        if (status >= 500) {
            failures.add(status + " for " + request + ": " + excerpt(body));
        } else if (status >= 400 && !SERVER_LIMITS.contains(status)
                && !String.valueOf(answer.contentType()).startsWith("application/problem+json")) {
            failures.add(status + " not a problem+json (" + answer.contentType() + ") for " + request);
        }
        if (status >= 400) {
            LEAKS.stream().filter(body::contains).findFirst()
                    .ifPresent(leak -> failures.add(status + " shows '" + leak + "' for " + request + ": " + excerpt(body)));
        }
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String excerpt(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "… (" + text.length() + " chars)";
    }
}

package dev.omnichannel.e2e.contract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.e2e.support.Caller;
import dev.omnichannel.e2e.support.FuzzInputs;
import dev.omnichannel.e2e.support.KeycloakUsers;
import dev.omnichannel.testing.LocalStack;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    static final List<String> LEAKS = List.of("Exception", "\tat ", "java.", "org.hibernate", "io.vertx", "SQL", "syntax error",
            "relation \"", "duplicate key");

    /**
     * A request line or headers past the HTTP server's limits (4 KiB, 8 KiB) are refused by Vert.x
     * before any route runs, with an empty body: no problem+json is possible there, and nothing leaks.
     */
    static final List<Integer> SERVER_LIMITS = List.of(414, 431);

    record Operation(String method, String path, List<String> queryParameters, List<String> bodyFields) {
    }

    @Test
    void no_hostile_request_gets_a_5xx_or_an_answer_that_is_not_a_clean_problem() throws Exception {
        String fuzzUser = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
        KeycloakUsers.ensureCustomer(fuzzUser, "Fuzz", "Tester");
        List<Caller> callers = List.of(Caller.ANONYMOUS, Caller.user("storefront", fuzzUser), Caller.CLERK_LOUVRE,
                Caller.ADMIN, Caller.KIOSK_LOUVRE);
        List<Operation> operations = operations();
        FuzzInputs inputs = new FuzzInputs(SEED);
        Map<String, int[]> answersByOperation = new TreeMap<>();
        List<String> failures = new ArrayList<>();

        for (Operation operation : operations) {
            int[] byClass = answersByOperation.computeIfAbsent(operation.method() + " " + operation.path(), k -> new int[6]);
            for (Caller caller : callers) {
                for (int i = 0; i < CASES; i++) {
                    String path = withPathValues(operation.path(), inputs);
                    RequestSpecification request = given().baseUri(LocalStack.GATEWAY).urlEncodingEnabled(false)
                            .redirects().follow(false);
                    if (caller != Caller.ANONYMOUS) {
                        request.auth().oauth2(caller.token());
                    }
                    for (String parameter : operation.queryParameters()) {
                        request.queryParam(parameter, encoded(inputs.word()));
                    }
                    String body = null;
                    if (!List.of("GET", "DELETE").contains(operation.method())) {
                        body = inputs.body(operation.bodyFields());
                        request.contentType(inputs.contentType()).body(body);
                    }
                    Response answer = request.request(operation.method(), path);
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

    /** Every operation of the document, with its query parameters and the fields of its JSON body. */
    private static List<Operation> operations() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().baseUri(LocalStack.GATEWAY)
                .get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                JsonNode operation = path.getValue().path(method);
                if (operation.isMissingNode()) {
                    continue;
                }
                List<String> query = new ArrayList<>();
                operation.path("parameters").forEach(p -> {
                    if ("query".equals(p.path("in").asText())) {
                        query.add(p.path("name").asText());
                    }
                });
                List<String> fields = new ArrayList<>();
                JsonNode schema = resolved(document, operation.path("requestBody").path("content")
                        .path("application/json").path("schema"));
                schema.path("properties").fieldNames().forEachRemaining(fields::add);
                operations.add(new Operation(method.toUpperCase(), path.getKey(), query, fields));
            }
        }
        return operations;
    }

    private static JsonNode resolved(JsonNode document, JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.startsWith("#/components/schemas/")
                ? document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()))
                : schema;
    }

    private static String withPathValues(String template, FuzzInputs inputs) {
        Matcher parameter = PATH_PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            parameter.appendReplacement(path, Matcher.quoteReplacement(encoded(inputs.word())));
        }
        return parameter.appendTail(path).toString();
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String excerpt(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "… (" + text.length() + " chars)";
    }
}

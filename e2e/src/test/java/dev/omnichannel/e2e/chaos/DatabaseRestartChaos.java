package dev.omnichannel.e2e.chaos;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.e2e.support.Caller;
import dev.omnichannel.e2e.support.KeycloakUsers;
import dev.omnichannel.e2e.support.Stack;
import dev.omnichannel.testing.KeycloakTokens;
import dev.omnichannel.testing.LocalStack;
import io.restassured.RestAssured;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped the hard way (immediate shutdown: every session cut) under load, started again
 * 5 s later. While it is down, callers get a 503 problem+json with {@code Retry-After} within 2 s,
 * never a hang; within 5 s of it being back the answers are normal again; every service's readiness
 * goes DOWN and comes back UP.
 */
class DatabaseRestartChaos {

    static final Map<String, String> READINESS = Map.of("gateway", LocalStack.GATEWAY, "customer-service", "http://localhost:8081",
            "inventory-service", "http://localhost:8082", "messaging-service", "http://localhost:8083");

    record Answer(String path, Instant sentAt, Duration took, int status, String contentType, String retryAfter) {
    }

    @Test
    void callers_get_a_quick_503_while_the_database_is_down_and_normal_answers_soon_after() throws Exception {
        Chaos.timeouts();
        String run = "chaos-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> usernames = List.of(run + "-a", run + "-b", run + "-c", run + "-d");
        KeycloakUsers.ensureCustomers(usernames);
        List<Caller> customers = usernames.stream().map(name -> Caller.user("storefront", name)).toList();
        customers.forEach(customer -> customer.api().get("/me/view").then().statusCode(200));

        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        Map<String, List<Integer>> readiness = new ConcurrentHashMap<>();
        AtomicBoolean loading = new AtomicBoolean(true);
        Instant stoppedAt;
        Instant backAt;
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Caller customer : customers) {
                clients.submit(() -> {
                    for (int i = 0; loading.get(); i++) {
                        String path = List.of("/me/view", "/me", "/me/reservations", "/me/conversations").get(i % 4);
                        Instant sent = Instant.now();
                        try {
                            var answer = customer.api().get(path);
                            answers.add(new Answer(path, sent, Duration.between(sent, Instant.now()), answer.statusCode(),
                                    String.valueOf(answer.contentType()), answer.header("Retry-After")));
                        } catch (RuntimeException timeout) {
                            answers.add(new Answer(path, sent, Duration.between(sent, Instant.now()), 0, "no answer", null));
                        }
                        Chaos.sleep(Duration.ofMillis(50)); // 20 requests/s per customer: the rate limit's sustained rate
                    }
                });
            }
            READINESS.forEach((service, url) -> clients.submit(() -> {
                while (loading.get()) {
                    try {
                        readiness.computeIfAbsent(service, s -> Collections.synchronizedList(new ArrayList<>()))
                                .add(RestAssured.given().baseUri(url).get("/q/health/ready").statusCode());
                    } catch (RuntimeException e) {
                        readiness.get(service).add(0);
                    }
                    Chaos.sleep(Duration.ofMillis(500));
                }
            }));
            Chaos.sleep(Duration.ofSeconds(10));
            stoppedAt = Instant.now();
            Stack.stopPostgresImmediately();
            Chaos.sleep(Duration.ofSeconds(5));
            Stack.start("postgres");
            backAt = Instant.now();
            Chaos.sleep(Duration.ofSeconds(20));
            loading.set(false);
        }

        List<Answer> whileDown = answers.stream().filter(a -> !a.sentAt().isBefore(stoppedAt) && a.sentAt().isBefore(backAt))
                .toList();
        long slow = whileDown.stream().filter(a -> a.took().compareTo(Duration.ofSeconds(2)) > 0).count();
        Map<String, Long> unclean = whileDown.stream().filter(a -> a.status() != 200 && !(a.status() == 503
                && a.retryAfter() != null && a.contentType().startsWith("application/problem+json")))
                .collect(Collectors.groupingBy(a -> a.status() + " " + a.path(), TreeMap::new, Collectors.counting()));
        long notClean = unclean.values().stream().mapToLong(Long::longValue).sum();
        boolean quick = ChaosResults.record("PostgreSQL stopped immediately: answers while it is down",
                whileDown.size() + " requests: " + whileDown.stream().filter(a -> a.status() == 503).count() + " 503, "
                        + whileDown.stream().filter(a -> a.status() == 200).count() + " 200, " + notClean + " other " + unclean + ", " + slow
                        + " slower than 2 s (slowest " + whileDown.stream().mapToLong(a -> a.took().toMillis()).max().orElse(0)
                        + " ms)", "503 problem+json with Retry-After within 2 s, 0 hangs", slow == 0 && notClean == 0);

        Instant lastFailure = answers.stream().filter(a -> a.status() != 200 && !a.sentAt().isBefore(backAt))
                .map(Answer::sentAt).max(Instant::compareTo).orElse(backAt);
        Duration recovery = Duration.between(backAt, lastFailure);
        boolean recovered = ChaosResults.record("PostgreSQL back: time to normal answers", recovery.isZero()
                ? "no failed answer once it accepted connections" : "last failed answer " + recovery.toMillis()
                        + " ms after it accepted connections", "<= 5 s", recovery.compareTo(Duration.ofSeconds(5)) <= 0);

        List<String> readinessWrong = new ArrayList<>();
        readiness.forEach((service, statuses) -> {
            int down = statuses.indexOf(503);
            if (down < 0 || statuses.subList(down, statuses.size()).stream().noneMatch(status -> status == 200)
                    || statuses.getLast() != 200) {
                readinessWrong.add(service + " " + statuses);
            }
        });
        boolean ready = ChaosResults.record("PostgreSQL restarted: each service's readiness goes DOWN then UP",
                readinessWrong.isEmpty() ? "all four" : "not: " + readinessWrong, "DOWN while it is down, UP after",
                readinessWrong.isEmpty());
        long signIns = IntStream.range(0, 10).filter(i -> {
            try {
                return KeycloakTokens.password("storefront", usernames.get(i % usernames.size())) != null;
            } catch (RuntimeException e) {
                return false;
            }
        }).count();
        boolean keycloak = ChaosResults.record("PostgreSQL restarted: sign-ins at Keycloak (its database too) after it",
                signIns + " of 10 in a row", "10", signIns == 10);
        assertTrue(quick & recovered & ready & keycloak, "see the chaos lines above");
    }
}

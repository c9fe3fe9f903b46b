package dev.omnichannel.e2e.chaos;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.e2e.support.Caller;
import dev.omnichannel.e2e.support.KeycloakUsers;
import dev.omnichannel.e2e.support.Stack;
import dev.omnichannel.testing.LocalStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * Four times the rate the gateway saturates at, offered for 30 s whatever it answers (an open
 * loop, as a crowd behaves): it sheds with 429 or 503 and {@code Retry-After} rather than queue
 * into timeouts, its memory stays bounded, and it serves normally within seconds after.
 */
class OverloadChaos {

    static final int CUSTOMERS = 64;
    static final Duration OVERLOAD = Duration.ofSeconds(Integer.getInteger("chaos.overload-seconds", 30));
    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Bounded memory: the heap grows to what the crowd needs in the first half of the overload, then
     * holds — the second half's peak at most 10 % above the first's.
     */
    static final double MEMORY_GROWTH_BOUND = 1.10;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @Test
    void the_gateway_sheds_four_times_its_saturation_and_serves_normally_after() throws Exception {
        String run = "chaos-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> usernames = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            usernames.add(run + "-o" + i);
        }
        KeycloakUsers.ensureCustomers(usernames);
        List<String> tokens = usernames.stream().map(name -> {
            Caller customer = Caller.user("storefront", name);
            customer.api().get("/me/view").then().statusCode(200);
            return customer.token();
        }).toList();

        double saturation = saturationRate(tokens);
        long memoryBefore = Stack.residentKiB("gateway");
        AtomicLong firstHalfPeak = new AtomicLong(memoryBefore);
        AtomicLong secondHalfPeak = new AtomicLong();
        Map<String, LongAdder> answers = new ConcurrentHashMap<>();
        LongAdder withoutRetryAfter = new LongAdder();
        double offeredRate = 4 * saturation;
        long intervalNanos = (long) (1_000_000_000 / offeredRate);
        Instant start = Instant.now();
        List<CompletableFuture<Void>> inFlight = new ArrayList<>();
        AtomicInteger next = new AtomicInteger();
        Instant halfway = start.plus(OVERLOAD.dividedBy(2));
        Thread memory = Thread.ofVirtual().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                (Instant.now().isBefore(halfway) ? firstHalfPeak : secondHalfPeak)
                        .accumulateAndGet(Stack.residentKiB("gateway"), Math::max);
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long sent = 0;
        long startNanos = System.nanoTime();
        while (Duration.between(start, Instant.now()).compareTo(OVERLOAD) < 0) {
            long due = startNanos + sent * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            sent++;
            inFlight.add(view(tokens.get(next.getAndIncrement() % tokens.size())).handle((response, failure) -> {
                String kind = failure != null ? "no answer in " + CLIENT_TIMEOUT.toSeconds() + " s"
                        : String.valueOf(response.statusCode());
                answers.computeIfAbsent(kind, k -> new LongAdder()).increment();
                if (failure == null && (response.statusCode() == 429 || response.statusCode() == 503)
                        && response.headers().firstValue("Retry-After").isEmpty()) {
                    withoutRetryAfter.increment();
                }
                return null;
            }));
        }
        double achieved = sent / (double) Duration.between(start, Instant.now()).toMillis() * 1000;
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        Instant loadEnded = Instant.now();
        memory.interrupt();

        long ok = count(answers, "200");
        long shed = count(answers, "429") + count(answers, "503");
        long other = sent - ok - shed;
        boolean sheds = ChaosResults.record("overload: 4x the saturation rate for " + OVERLOAD.toSeconds() + " s",
                String.format("saturation %.0f views/s; offered %.0f/s (%d): %d 200, %d shed (429/503), %d other %s", saturation,
                        achieved, sent, ok, shed, other, answers), "shed with 429/503 + Retry-After, 0 other",
                other == 0 && withoutRetryAfter.sum() == 0 && shed > 0);
        boolean bounded = ChaosResults.record("overload: the gateway's resident memory",
                (memoryBefore / 1024) + " MiB before, at most " + (firstHalfPeak.get() / 1024) + " MiB in the first half, "
                        + (secondHalfPeak.get() / 1024) + " MiB in the second",
                "second half <= " + MEMORY_GROWTH_BOUND + "x the first", secondHalfPeak.get() <= firstHalfPeak.get() * MEMORY_GROWTH_BOUND);
        Duration normal = Chaos.timeToConverge(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 20; i++) {
                Instant asked = Instant.now();
                HttpResponse<String> answer = view(tokens.get(i)).join();
                if (answer.statusCode() != 200 || Duration.between(asked, Instant.now()).toMillis() > 200) {
                    return false;
                }
            }
            return true;
        });
        boolean recovered = ChaosResults.record("overload: time until normal service after it",
                normal == null ? "not in 60 s" : normal.toMillis() + " ms after the last answer (20 views in a row, each 200 in "
                        + "<= 200 ms)", "<= 10 s", normal != null && normal.compareTo(Duration.ofSeconds(10)) <= 0);
        System.out.println("chaos | overload ended " + loadEnded);
        assertTrue(sheds & bounded & recovered, "see the chaos lines above");
    }

    /** Views answered 200 per second by 32 callers in a closed loop for 10 s. */
    private double saturationRate(List<String> tokens) {
        LongAdder ok = new LongAdder();
        Instant end = Instant.now().plusSeconds(10);
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < 32; c++) {
                int caller = c;
                callers.submit(() -> {
                    for (int i = 0; Instant.now().isBefore(end); i++) {
                        HttpResponse<String> answer = view(tokens.get((caller + 32 * i) % tokens.size())).join();
                        if (answer.statusCode() == 200) {
                            ok.increment();
                        }
                    }
                });
            }
        }
        return ok.sum() / 10.0;
    }

    private CompletableFuture<HttpResponse<String>> view(String token) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(LocalStack.GATEWAY + "/api/v1/me/view"))
                .header("Authorization", "Bearer " + token).timeout(CLIENT_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long count(Map<String, LongAdder> answers, String kind) {
        LongAdder adder = answers.get(kind);
        return adder == null ? 0 : adder.sum();
    }
}

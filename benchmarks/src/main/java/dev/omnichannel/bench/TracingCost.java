package dev.omnichannel.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What tracing costs: the view and the holds at 64 clients with tracing on at the run's sampling (production's
 * one trace in ten under {@code ./omni bench}, every trace on the local stack otherwise) and with the
 * OpenTelemetry SDK off, in the same run. The four services are restarted between the two, and each measurement follows the
 * same warm-up, so neither side is measured colder than the other; they are left with tracing on.
 */
final class TracingCost {

    private static final String GATEWAY = "http://localhost:8080";
    private static final List<String> SERVICES = List.of("customer-service", "inventory-service", "messaging-service", "gateway");

    private final Path root;
    private final int seconds;
    private final int warmUpSeconds;

    TracingCost(Path root, int seconds, int warmUpSeconds) {
        this.root = root;
        this.seconds = seconds;
        this.warmUpSeconds = warmUpSeconds;
    }

    /** Holds go to {@code sku} at {@code store}, which must have stock enough for two runs. */
    List<Row> measure(int customers, String store, String sku) throws Exception {
        Path viewTokens = Files.createTempFile("bench-tokens-", ".txt");
        Files.write(viewTokens, BenchCustomers.storefrontTokens(customers));
        Path holdTokens = Files.createTempFile("bench-tokens-", ".txt");
        Files.write(holdTokens, BenchCustomers.storefrontTokens(Math.min(customers, 256)));
        String holdBody = new ObjectMapper().writeValueAsString(
                Map.of("storeId", store, "lines", List.of(Map.of("sku", sku, "quantity", 1))));
        try {
            restart(Map.of("QUARKUS_OTEL_SDK_DISABLED", "true"));
            Pair off = run(viewTokens, holdTokens, holdBody);
            restart(Map.of());
            Pair on = run(viewTokens, holdTokens, holdBody);
            List<Row> rows = new ArrayList<>();
            rows.add(row("personalized view, 64 clients", "views/s", on.views(), off.views()));
            rows.add(row("holds of one hot SKU, 64 clients", "confirmed/s", on.holds(), off.holds()));
            return rows;
        } finally {
            Files.deleteIfExists(viewTokens);
            Files.deleteIfExists(holdTokens);
        }
    }

    private record Pair(Wrk.Result views, Wrk.Result holds) {
    }

    private Pair run(Path viewTokens, Path holdTokens, String holdBody) throws Exception {
        String view = GATEWAY + "/api/v1/me/view";
        String holds = GATEWAY + "/api/v1/reservations";
        Wrk.getRotatingTokens(view, viewTokens, 16, warmUpSeconds);
        Wrk.postRotatingTokens(holds, holdTokens, 16, warmUpSeconds / 2, holdBody);
        MachineCpu.awaitQuiet();
        Wrk.Result views = Wrk.getRotatingTokens(view, viewTokens, 64, seconds);
        MachineCpu.awaitQuiet();
        Wrk.Result confirmed = Wrk.postRotatingTokens(holds, holdTokens, 64, seconds, holdBody);
        MachineCpu.awaitQuiet();
        return new Pair(views, confirmed);
    }

    private static Row row(String what, String unit, Wrk.Result on, Wrk.Result off) {
        double onRate = rate(on);
        double offRate = rate(off);
        double ratio = onRate / offRate;
        String kept = System.getenv().getOrDefault("QUARKUS_OTEL_TRACES_SAMPLER_ARG", "1.0");
        return new Row(what + ", tracing on (sampling ratio " + kept + ") against off",
                "on: %.0f %s, p99 %.1f ms".formatted(onRate, unit, on.p99()),
                "off: %.0f %s, p99 %.1f ms".formatted(offRate, unit, off.p99()),
                ratio, ">= 0.95x off (tracing costs at most 5 %)", ratio >= 0.95);
    }

    /** Successful answers per second (views 200, holds 201). */
    private static double rate(Wrk.Result result) {
        return (result.count(200) + result.count(201)) / result.seconds();
    }

    /** Restarts the four services through ./omni with these settings added (and the rate limit off, as the run has it). */
    private void restart(Map<String, String> settings) {
        List<String> stop = new ArrayList<>(List.of(root.resolve("omni").toString(), "stop"));
        stop.addAll(SERVICES.reversed());
        Processes.output(stop, 300);
        List<String> start = new ArrayList<>(List.of(root.resolve("omni").toString(), "start"));
        start.addAll(SERVICES);
        Map<String, String> environment = new HashMap<>(settings);
        environment.put("OMNI_RATE_LIMIT_ENABLED", "false");
        Processes.output(start, 600, environment);
    }
}

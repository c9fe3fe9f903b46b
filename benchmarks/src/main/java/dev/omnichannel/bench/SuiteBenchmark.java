package dev.omnichannel.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.testing.KeycloakTokens;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The suite against its own ceilings, each measured in the same run on the same machine: the
 * personalized view against pgbench's key SELECT (and its staleness against Kafka's own latency,
 * and read-your-writes through two gateway replicas), availability against pgbench's SELECT,
 * hot-SKU reservations against pgbench's conditional UPDATE, stock-change visibility against
 * Kafka's own end-to-end latency, start-up and memory with and without the JDK 25 AOT cache. Run by
 * {@code ./omni bench} on a running stack; prints the table, appends it to benchmarks/RESULTS.md
 * and writes benchmarks/results.json.
 */
public final class SuiteBenchmark {

    private static final String GATEWAY = "http://localhost:8080";
    private static final String VIEW_STORE = "paris-louvre";
    private static final String AVAILABILITY_SKU = "BOTTLE-1L";
    private static final String HOT_SKU = "CAP-SUN";
    private static final String HOT_STORE = "paris-bastille";
    private static final String VISIBILITY_SKU = "STOVE-GAS";
    private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warm-up-seconds", 20);

    private static final int VIEW_CUSTOMERS = Integer.getInteger("bench.customers", 1000);

    private final Path root;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final PgBench inventoryDb = new PgBench("inventory", "inventory", "inventory", 15432);

    private SuiteBenchmark(Path root) {
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        SuiteBenchmark benchmark = new SuiteBenchmark(root);
        String only = System.getProperty("bench.only", "view,availability,reservations,visibility,tracing,startup");
        KafkaLatency kafka = only.contains("view") || only.contains("visibility")
                ? KafkaLatency.measure(Path.of(System.getProperty("bench.kafka-latency-classpath"))) : null;
        if (only.contains("view")) {
            benchmark.personalizedView(kafka);
        }
        if (only.contains("availability")) {
            benchmark.availability();
        }
        if (only.contains("reservations")) {
            benchmark.hotSkuReservations();
        }
        if (only.contains("visibility")) {
            benchmark.stockChangeVisibility(kafka);
        }
        if (only.contains("tracing")) {
            benchmark.tracingCost();
        }
        if (only.contains("startup")) {
            benchmark.startupAndMemory(Path.of(System.getProperty("java.home"), "bin", "java"));
        }
        new BenchReport(root, SECONDS).write(benchmark.rows, benchmark.notes);
    }

    // ------------------------------------------------------------------ the figures

    private void personalizedView(KafkaLatency kafka) throws Exception {
        ViewBenchmark view = new ViewBenchmark(root, VIEW_CUSTOMERS, SECONDS, WARM_UP_SECONDS, notes);
        view.prepare();
        rows.add(view.throughput());
        rows.add(view.staleness(kafka, Integer.getInteger("bench.visibility-rounds", 300)));
        rows.add(view.readYourWrites(Integer.getInteger("bench.read-your-writes-pairs", 1000)));
    }

    private void availability() {
        String url = GATEWAY + "/api/v1/products/" + AVAILABILITY_SKU + "/availability?storeId=" + VIEW_STORE;
        Wrk.get(url, null, 16, WARM_UP_SECONDS / 2);
        Wrk.Result ours = Wrk.get(url, null, 64, SECONDS);
        PgBench.Result ceiling = inventoryDb.run("SELECT on_hand - reserved FROM stock_level WHERE sku = '"
                + AVAILABILITY_SKU + "' AND location_id = '" + VIEW_STORE + "';\n", 64, SECONDS);
        double ratio = ours.requestsPerSecond() / ceiling.tps();
        rows.add(new Row("availability of one SKU at one store, 64 clients",
                "%.0f req/s, p99 %.1f ms".formatted(ours.requestsPerSecond(), ours.p99()),
                "pgbench SELECT: %.0f tps, p99 %.1f ms".formatted(ceiling.tps(), ceiling.p99Millis()),
                ratio, ">= 50 % of pgbench", ratio >= 0.5));
    }

    private void hotSkuReservations() throws Exception {
        HoldsBenchmark holds = new HoldsBenchmark(inventoryDb, VIEW_CUSTOMERS, SECONDS, WARM_UP_SECONDS, notes);
        rows.addAll(holds.measure(HOT_STORE, HOT_SKU));
    }

    private void tracingCost() throws Exception {
        JsonHttp.send("POST", GATEWAY + "/api/v1/stock/adjustments", KeycloakTokens.password("backoffice", "admin"),
                Map.of("storeId", HOT_STORE, "sku", HOT_SKU, "quantity", 1_000_000, "reason", "benchmark stock"));
        rows.addAll(new TracingCost(root, SECONDS, WARM_UP_SECONDS).measure(VIEW_CUSTOMERS, HOT_STORE, HOT_SKU));
    }

    private void stockChangeVisibility(KafkaLatency kafka) throws Exception {
        String admin = KeycloakTokens.password("backoffice", "admin");
        String availability = GATEWAY + "/api/v1/products/" + VISIBILITY_SKU + "/availability?storeId=" + VIEW_STORE;
        int rounds = Integer.getInteger("bench.visibility-rounds", 300);
        long[] latencies = new long[rounds];
        for (int i = -30; i < rounds; i++) { // 30 warm-up rounds
            int before = availableAt(JsonHttp.get(availability, null), VIEW_STORE);
            JsonHttp.send("POST", GATEWAY + "/api/v1/stock/adjustments", admin, Map.of("storeId", VIEW_STORE,
                    "sku", VISIBILITY_SKU, "quantity", 1, "reason", "benchmark visibility"));
            long committed = System.nanoTime();
            while (availableAt(JsonHttp.get(availability, null), VIEW_STORE) != before + 1) {
                Thread.sleep(1); // ~1 ms resolution without loading the gateway the change has to reach
            }
            if (i >= 0) {
                latencies[i] = System.nanoTime() - committed;
            }
        }
        double p50 = PgBench.percentile(latencies, 0.50);
        double p99 = PgBench.percentile(latencies, 0.99);
        rows.add(new Row("stock change -> visible in the gateway's availability",
                "p50 %.1f ms, p99 %.1f ms (%d changes)".formatted(p50, p99, rounds),
                "Kafka produce->consume (EndToEndLatency, acks=all, 1 KiB): p50 %.0f ms, p99 %.0f ms".formatted(kafka.p50(),
                        kafka.p99()),
                p99 / kafka.p99(), "p99 <= 3x Kafka's", p99 <= 3 * kafka.p99()));
        notes.add("EndToEndLatency reports whole milliseconds; a p99 under 1 ms counts as 1 ms.");
    }

    private void startupAndMemory(Path java) throws Exception {
        ServiceStartup startup = new ServiceStartup(root, java);
        String service = KeycloakTokens.gateway();
        Map<String, Integer> services = new LinkedHashMap<>();
        services.put("customer-service", 8081);
        services.put("inventory-service", 8082);
        services.put("messaging-service", 8083);
        services.put("gateway", 8080);
        for (Map.Entry<String, Integer> entry : services.entrySet()) {
            String name = entry.getKey();
            int port = entry.getValue();
            String loadUrl = name.equals("gateway")
                    ? "http://localhost:8080/api/v1/products/" + AVAILABILITY_SKU
                    : "http://localhost:" + port + "/q/health/ready";
            String token = name.equals("gateway") ? null : service;
            omni("stop", name);
            try {
                ServiceStartup.Result plain = startup.measure(name, port, "plain JVM", List.of(), loadUrl, token);
                Path cache = startup.trainAotCache(name, port, loadUrl, token);
                ServiceStartup.Result aot = startup.measure(name, port, "AOT cache", List.of("-XX:AOTCache=" + cache),
                        loadUrl, token);
                rows.add(new Row("start-up and memory: " + name,
                        "AOT cache: ready %.2f s, RSS %d MB after start, %d MB under load".formatted(aot.readySeconds(),
                                aot.rssAfterStartMb(), aot.rssUnderLoadMb()),
                        "plain JVM: ready %.2f s, RSS %d MB after start, %d MB under load".formatted(plain.readySeconds(),
                                plain.rssAfterStartMb(), plain.rssUnderLoadMb()),
                        aot.readySeconds() / plain.readySeconds(), "ready <= 1.0 s, RSS <= 150 MB",
                        aot.readySeconds() <= 1.0 && aot.rssUnderLoadMb() <= 150));
            } finally {
                omni("start", name);
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private static int availableAt(JsonNode availability, String storeId) {
        JsonNode items = availability.isArray() ? availability : availability.path("items");
        for (JsonNode item : items) {
            if (storeId.equals(item.path("storeId").asText())) {
                return item.path("available").asInt();
            }
        }
        throw new IllegalStateException("no availability for " + storeId + " in " + availability);
    }

    private void omni(String command, String component) {
        Processes.output(List.of(root.resolve("omni").toString(), command, component), 300);
    }

    static {
        Locale.setDefault(Locale.ROOT);
    }
}

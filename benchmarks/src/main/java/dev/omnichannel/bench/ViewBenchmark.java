package dev.omnichannel.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.testing.KeycloakTokens;
import dev.omnichannel.testing.ServiceReplica;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The personalized view, read from the gateway's model: throughput of signed-in customers'
 * views against pgbench's key SELECT; staleness of a change made at a service against Kafka's
 * own produce-to-consume latency; read-your-writes through two replicas of the gateway.
 */
final class ViewBenchmark {

    private static final String GATEWAY = "http://localhost:8080";
    private static final String CUSTOMER_SERVICE = "http://localhost:8081";
    private static final String SKU = "HEADLAMP-300";

    private final Path root;
    private final PgBench gatewayDb;
    private final int customers;
    private final int seconds;
    private final int warmUpSeconds;
    private final List<String> notes;
    private List<String> tokens;

    ViewBenchmark(Path root, int customers, int seconds, int warmUpSeconds, List<String> notes) {
        this.root = root;
        this.gatewayDb = new PgBench("gateway", "gateway", "gateway", 15432);
        this.customers = customers;
        this.seconds = seconds;
        this.warmUpSeconds = warmUpSeconds;
        this.notes = notes;
    }

    /** The bench customers signed in, each with a line in their cart (so each view has a priced cart). */
    void prepare() throws Exception {
        tokens = BenchCustomers.storefrontTokens(customers);
        try (ExecutorService clients = Executors.newFixedThreadPool(4)) {
            List<Future<?>> carts = new ArrayList<>();
            for (int n = 0; n < tokens.size(); n++) {
                String token = tokens.get(n);
                int quantity = 1 + n % 3;
                carts.add(clients.submit(() -> {
                    JsonHttp.send("PUT", GATEWAY + "/api/v1/me/cart/items/" + SKU, token, Map.of("quantity", quantity));
                    return null;
                }));
            }
            for (Future<?> cart : carts) {
                cart.get();
            }
        }
    }

    Row throughput() throws Exception {
        Path tokenFile = Files.createTempFile("bench-tokens-", ".txt");
        Files.write(tokenFile, tokens);
        String url = GATEWAY + "/api/v1/me/view";
        Wrk.getRotatingTokens(url, tokenFile, 16, warmUpSeconds);
        double cpuBefore = MachineCpu.busyMillis();
        Map<String, Double> componentsBefore = ProcessCpu.snapshot();
        Wrk.Result views = Wrk.getRotatingTokens(url, tokenFile, 64, seconds);
        double cpuPerView = (MachineCpu.busyMillis() - cpuBefore) / views.total();
        String perComponent = ProcessCpu.perUnit(componentsBefore, ProcessCpu.snapshot(), views.total() / 1000.0);
        Files.deleteIfExists(tokenFile);

        gatewayDb.psql("CREATE TABLE IF NOT EXISTS bench_keys AS SELECT g AS id, md5(g::text) AS data "
                + "FROM generate_series(1, 100000) g; "
                + "DO $$ BEGIN ALTER TABLE bench_keys ADD PRIMARY KEY (id); EXCEPTION WHEN others THEN NULL; END $$");
        PgBench.Result ceiling = gatewayDb.runPrepared("\\set id random(1, 100000)\nSELECT data FROM bench_keys WHERE id = :id;\n",
                64, seconds);
        double ratio = views.requestsPerSecond() / ceiling.tps();
        notes.add(("View: %d customers with real tokens, one each in rotation; CPU of the whole machine per view (load "
                + "generator included): %.2f ms; by component, in µs per view (wrk's own ends with its run, uncounted): %s.")
                .formatted(tokens.size(), cpuPerView, perComponent));
        return new Row("personalized view of %d signed-in customers, 64 clients".formatted(tokens.size()),
                "%.0f views/s, p50 %.1f ms, p99 %.1f ms (non-2xx: %d, partial: %d of %d)".formatted(
                        views.requestsPerSecond(), views.p50(), views.p99(), views.total() - views.count(200),
                        views.partial(), views.total()),
                "pgbench key SELECT (prepared, 100k rows): %.0f tps, p99 %.1f ms".formatted(ceiling.tps(), ceiling.p99Millis()),
                ratio, ">= 0.25x pgbench; p99 <= 25 ms; 0 partial",
                ratio >= 0.25 && views.p99() <= 25 && views.partial() == 0 && views.count(200) == views.total());
    }

    /** A cart changed at customer-service itself (not through the gateway) until the view shows it. */
    Row staleness(KafkaLatency kafka, int rounds) throws Exception {
        String token = tokens.getFirst();
        String customerId = JsonHttp.get(GATEWAY + "/api/v1/me", token).path("id").asText();
        String service = KeycloakTokens.gateway();
        long[] latencies = new long[rounds];
        // warm-up rounds: the path from the event to the model is compiled only after a few hundred events
        for (int round = -300; round < rounds; round++) {
            int quantity = 10 + Math.floorMod(round, 50);
            JsonHttp.send("PUT", CUSTOMER_SERVICE + "/customers/" + customerId + "/cart/items/" + SKU, service,
                    Map.of("quantity", quantity));
            long changed = System.nanoTime();
            while (quantityInView(GATEWAY, token) != quantity) {
                Thread.sleep(1); // ~1 ms resolution without loading the gateway the change has to reach
            }
            if (round >= 0) {
                latencies[round] = System.nanoTime() - changed;
            }
        }
        double p50 = PgBench.percentile(latencies, 0.50);
        double p99 = PgBench.percentile(latencies, 0.99);
        return new Row("a change at customer-service -> in the view",
                "p50 %.1f ms, p99 %.1f ms (%d changes)".formatted(p50, p99, rounds),
                "Kafka produce->consume (EndToEndLatency, acks=all, 1 KiB): p50 %.0f ms, p99 %.0f ms".formatted(kafka.p50(),
                        kafka.p99()),
                p99 / kafka.p99(), "p99 <= 3x Kafka's", p99 <= 3 * kafka.p99());
    }

    /**
     * Cart writes on the phone through one replica, each followed at once by the view on the web
     * through the other: the view must hold the write, every time.
     */
    Row readYourWrites(int pairs) throws Exception {
        int writers = Math.min(100, tokens.size());
        List<String> phones = BenchCustomers.tokens("mobile-app", writers);
        int missing = 0;
        try (ServiceReplica other = ServiceReplica.start(root.toFile(), "gateway", 8090, Map.of("OMNI_RATE_LIMIT_ENABLED", "false"),
                root.resolve(".omni/logs/gateway-replica.log").toFile())) {
            String[] replicas = { GATEWAY, other.url() };
            for (int pair = 0; pair < pairs; pair++) {
                int customer = pair % writers;
                int quantity = 20 + pair / writers;
                String writeThrough = replicas[pair % 2];
                String readThrough = replicas[(pair + 1) % 2];
                JsonHttp.send("PUT", writeThrough + "/api/v1/me/cart/items/" + SKU, phones.get(customer),
                        Map.of("quantity", quantity));
                if (quantityInView(readThrough, tokens.get(customer)) != quantity) {
                    missing++;
                }
            }
        }
        return new Row("read-your-writes: %d cart writes on the phone, each then viewed on the web through the other replica"
                .formatted(pairs),
                "views missing their write: %d of %d".formatted(missing, pairs), "none may miss", (double) missing / pairs,
                "0 missing", missing == 0);
    }

    private static int quantityInView(String gateway, String token) throws Exception {
        for (JsonNode item : JsonHttp.get(gateway + "/api/v1/me/view", token).path("cart").path("items")) {
            if (SKU.equals(item.path("sku").asText())) {
                return item.path("quantity").asInt();
            }
        }
        return 0;
    }
}

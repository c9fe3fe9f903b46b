package dev.omnichannel.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.testing.KeycloakTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Hot-SKU reservations: holds of one SKU at one store through the gateway at 64 and 256 clients,
 * against pgbench's naive hold transaction on inventory's database.
 */
final class HoldsBenchmark {

    private static final String GATEWAY = "http://localhost:8080";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PgBench inventoryDb;
    private final int customers;
    private final int seconds;
    private final int warmUpSeconds;
    private final List<String> notes;

    HoldsBenchmark(PgBench inventoryDb, int customers, int seconds, int warmUpSeconds, List<String> notes) {
        this.inventoryDb = inventoryDb;
        this.customers = customers;
        this.seconds = seconds;
        this.warmUpSeconds = warmUpSeconds;
        this.notes = notes;
    }

    /**
     * Holds of one SKU at one store from many customers at once (a launch), through the gateway
     * with real tokens and an Idempotency-Key each, against pgbench running the naive transaction of
     * a hold on the same database: BEGIN, the conditional UPDATE of the stock row, INSERT of the
     * reservation, its line, the ledger movement and an outbox row, COMMIT.
     */
    List<Row> measure(String store, String sku) throws Exception {
        List<Row> rows = new ArrayList<>();
        String admin = KeycloakTokens.password("backoffice", "admin");
        JsonHttp.send("POST", GATEWAY + "/api/v1/stock/adjustments", admin, Map.of("storeId", store, "sku", sku,
                "quantity", 1_000_000, "reason", "benchmark stock"));
        Path tokens = Files.createTempFile("bench-tokens-", ".txt");
        Files.write(tokens, BenchCustomers.storefrontTokens(Math.min(customers, 256)));
        String url = GATEWAY + "/api/v1/reservations";
        String body = JSON.writeValueAsString(Map.of("storeId", store, "lines", List.of(Map.of("sku", sku, "quantity", 1))));
        // the services behind the gateway were started for the run: their hold path is compiled in this warm-up
        Wrk.postRotatingTokens(url, tokens, 16, warmUpSeconds, body);

        inventoryDb.psql("INSERT INTO product (sku, name, description, price, currency, version, published_version) "
                + "VALUES ('BENCH-HOT', 'Benchmark only', '', 10, 'EUR', 1, 1) ON CONFLICT DO NOTHING; "
                + "INSERT INTO stock_level (sku, location_id, on_hand, reserved, non_sellable, version) "
                + "VALUES ('BENCH-HOT', '" + store + "', 100000000, 0, 0, 1) "
                + "ON CONFLICT (sku, location_id) DO UPDATE SET on_hand = 100000000, reserved = 0");
        String naive = """
                \\set n random(1, 2000000000)
                BEGIN;
                UPDATE stock_level SET reserved = reserved + 1, version = version + 1, updated_at = now()
                  WHERE sku = 'BENCH-HOT' AND location_id = '%1$s' AND on_hand - reserved >= 1;
                INSERT INTO reservation (id, store_id, status, hold_type, pickup_code, total, currency, channel)
                  VALUES (md5(:client_id || '-' || :n)::uuid, '%1$s', 'BENCHMARK', 'click-and-collect', md5(:n::text), 10, 'EUR', 'web');
                INSERT INTO reservation_line (reservation_id, sku, quantity, unit_price)
                  VALUES (md5(:client_id || '-' || :n)::uuid, 'BENCH-HOT', 1, 10);
                INSERT INTO stock_movement (sku, location_id, type, quantity, on_hand_delta, reserved_delta, non_sellable_delta, version, reference)
                  VALUES ('BENCH-HOT', '%1$s', 'reservation', 1, 0, 1, 0, 0, :n::text);
                INSERT INTO outbox_event (id, topic, message_key, type, payload)
                  VALUES (gen_random_uuid(), 'bench.discarded', 'BENCH-HOT@%1$s', 'benchmark', '{}');
                COMMIT;
                """.formatted(store);
        String bare = "UPDATE stock_level SET reserved = reserved + 1 WHERE sku = 'BENCH-HOT' AND location_id = '"
                + store + "' AND on_hand - reserved >= 1;\n";
        for (int clients : new int[] { 64, 256 }) {
            // each measured on a machine at rest: what the suite does after each hold (notifications,
            // timeline, read models) would otherwise slow down whatever runs next
            MachineCpu.awaitQuiet();
            PgBench.Result ceiling = inventoryDb.runPrepared(naive, clients, seconds);
            PgBench.Result update = inventoryDb.runPrepared(bare, clients, seconds);
            MachineCpu.awaitQuiet();
            LockWatch locks = LockWatch.start(inventoryDb);
            double cpuBefore = MachineCpu.busyMillis();
            Map<String, Double> componentsBefore = ProcessCpu.snapshot();
            Wrk.Result ours = Wrk.postRotatingTokens(url, tokens, clients, seconds, body);
            double cpuPerHold = (MachineCpu.busyMillis() - cpuBefore) / Math.max(1, ours.count(201));
            Map<String, Double> componentsDuring = ProcessCpu.snapshot();
            notes.add(("Holds, %d clients: machine CPU per confirmed hold %.1f ms (the suite's work after each hold "
                    + "included: notification, timeline, read models); inventory sessions waiting for a lock: at most %d, "
                    + "sessions idle in a transaction (a lock held across a round trip): at most %d (sampled every 100 ms).")
                    .formatted(clients, cpuPerHold, locks.maxWaiting(), locks.maxIdleInTransaction()));
            locks.stop();
            MachineCpu.awaitQuiet();
            String perComponent = ProcessCpu.perUnit(componentsBefore, ProcessCpu.snapshot(), ours.count(201));
            notes.add(("Holds, %d clients, CPU per confirmed hold by component in ms, during the run: %s; until the "
                    + "machine is at rest again (the notifications, timeline and read models each hold causes): %s.")
                    .formatted(clients, ProcessCpu.perUnit(componentsBefore, componentsDuring, ours.count(201)),
                            perComponent));
            double confirmedPerSecond = ours.count(201) / ours.seconds();
            String oversold = inventoryDb.psql("""
                    SELECT (SELECT count(*) FROM stock_level WHERE reserved > on_hand)
                         + (SELECT count(*) FROM stock_level s WHERE s.sku = '%s' AND s.location_id = '%s' AND s.reserved <>
                              (SELECT coalesce(sum(m.reserved_delta), 0) FROM stock_movement m
                               WHERE m.sku = s.sku AND m.location_id = s.location_id))""".formatted(sku, store));
            double ratio = confirmedPerSecond / ceiling.tps();
            rows.add(new Row("holds of one hot SKU through the gateway, %d clients".formatted(clients),
                    "%.0f confirmed/s, p99 %.1f ms, oversold or disagreeing rows: %s (other answers: %s)".formatted(
                            confirmedPerSecond, ours.p99(), oversold, others(ours, 201)),
                    "pgbench naive hold transaction: %.0f tps, p99 %.1f ms (bare conditional UPDATE: %.0f tps)".formatted(
                            ceiling.tps(), ceiling.p99Millis(), update.tps()),
                    ratio, ">= 1.0x pgbench; p99 <= 2x its p99; 0 oversold",
                    ratio >= 1.0 && ours.p99() <= 2 * ceiling.p99Millis() && oversold.equals("0")));
        }
        // the ceiling's reservations go; its level and ledger rows (append-only) stay, under the SKU BENCH-HOT
        inventoryDb.psql("DELETE FROM reservation_line WHERE sku = 'BENCH-HOT'; DELETE FROM reservation WHERE status = 'BENCHMARK'");
        Files.deleteIfExists(tokens);
        return rows;
    }

    private static String others(Wrk.Result result, int expected) {
        return result.statuses().entrySet().stream()
                .filter(e -> e.getKey() != expected)
                .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .map(e -> e.getKey() + "x" + e.getValue())
                .reduce((a, b) -> a + ", " + b).orElse("none");
    }
}

package dev.omnichannel.messaging.support;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;

/** Reads the service's database the way an operator would, to see what the API does not show. */
@ApplicationScoped
public class TestDb {

    private final Pool pool;

    TestDb(Pool pool) {
        this.pool = pool;
    }

    public List<Row> query(String sql, Object... parameters) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.from(java.util.Arrays.asList(parameters))).await().atMost(Duration.ofSeconds(10)).forEach(rows::add);
        return rows;
    }

    /** Waits until the messaging read model holds this snapshot version of the customer. */
    public void awaitRecipient(String customerId, long version) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> query("SELECT 1 FROM recipient WHERE customer_id = $1 AND version >= $2", customerId, version).size() == 1);
    }

    /** Waits until messaging knows a product or location ({@code product:<sku>}, {@code location:<id>}) by this name. */
    public void awaitName(String key, String name) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> query("SELECT 1 FROM catalog_name WHERE key = $1 AND name = $2", key, name).size() == 1);
    }

    /** The tables of the service's database with a row holding {@code text} in any column (case ignored). */
    public List<String> tablesHolding(String text) {
        return query("""
                SELECT table_name::text FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name""").stream()
                .map(row -> row.getString(0))
                .filter(table -> !query("SELECT 1 FROM " + table + " t WHERE strpos(lower(t::text), lower($1)) > 0 LIMIT 1", text).isEmpty())
                .toList();
    }

    /** Waits until a consumer applied an event. */
    public void awaitProcessed(String consumer, String eventId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> query("SELECT 1 FROM processed_event WHERE consumer = $1 AND event_id = $2", consumer, eventId).size() == 1);
    }
}

package dev.omnichannel.gateway.availability.service;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * The stock levels each caller's recent writes changed, in the gateway's database, shared by its
 * replicas: a read by the same token subject on any of them waits for its stock model to hold them.
 */
@ApplicationScoped
public class StockWatermarks {

    /** After this, every replica has long read the events of a write (a lagging one is not ready anyway). */
    private static final String RECENT = "interval '5 minutes'";

    private final Pool pool;

    public StockWatermarks(Pool pool) {
        this.pool = pool;
    }

    /**
     * Adds these levels to the subject's recent ones (a later write of a level has a higher
     * version); the older ones are forgotten once they are no longer recent.
     */
    public Uni<Void> keep(String subject, Map<String, Long> versions) {
        if (subject == null || versions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("""
                INSERT INTO view_stock_writes AS w (subject, versions) VALUES ($1, CAST(CAST($2 AS text) AS jsonb))
                ON CONFLICT (subject) DO UPDATE SET written_at = now(),
                    versions = CASE WHEN w.written_at > now() - %1$s THEN w.versions || EXCLUDED.versions
                                    ELSE EXCLUDED.versions END""".formatted(RECENT))
                .execute(Tuple.of(subject, new JsonObject(new HashMap<String, Object>(versions)).encode()))
                .replaceWithVoid();
    }

    /** The levels this subject's recent writes changed, {@code sku@location -> version}. */
    public Uni<Map<String, Long>> of(String subject) {
        return pool.preparedQuery("SELECT " + recentVersions("w") + " FROM view_stock_writes w WHERE subject = $1")
                .execute(Tuple.of(subject))
                .map(rows -> {
                    Map<String, Long> versions = new HashMap<>();
                    if (rows.iterator().hasNext() && rows.iterator().next().getString(0) != null) {
                        new JsonObject(rows.iterator().next().getString(0))
                                .forEach(entry -> versions.put(entry.getKey(), ((Number) entry.getValue()).longValue()));
                    }
                    return versions;
                });
    }

    /** The SQL of a row's recent versions as JSON text (null when none are recent), {@code table} aliasing view_stock_writes. */
    public static String recentVersions(String table) {
        return "CASE WHEN %1$s.written_at > now() - %2$s THEN %1$s.versions::text END".formatted(table, RECENT);
    }
}

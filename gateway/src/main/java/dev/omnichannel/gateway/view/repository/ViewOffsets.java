package dev.omnichannel.gateway.view.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/** How far the view model has read each topic partition ({@code view_offset}), written in the transaction of what was read. */
@ApplicationScoped
public class ViewOffsets {

    private final Pool pool;

    public ViewOffsets(Pool pool) {
        this.pool = pool;
    }

    /** The next offset to read of each partition of {@code topic} the model has applied records of. */
    public Uni<Map<Integer, Long>> offsets(String topic) {
        return pool.preparedQuery("SELECT partition, next_offset FROM view_offset WHERE topic = $1")
                .execute(Tuple.of(topic))
                .map(rows -> {
                    Map<Integer, Long> offsets = new HashMap<>();
                    rows.forEach(row -> offsets.put(row.getInteger(0), row.getLong(1)));
                    return offsets;
                });
    }

    public Uni<Void> saveOffset(SqlClient client, String topic, int partition, long nextOffset) {
        return client.preparedQuery("""
                INSERT INTO view_offset (topic, partition, next_offset) VALUES ($1, $2, $3)
                ON CONFLICT (topic, partition) DO UPDATE SET next_offset = GREATEST(view_offset.next_offset, EXCLUDED.next_offset)""")
                .execute(Tuple.of(topic, partition, nextOffset)).replaceWithVoid();
    }
}

package dev.omnichannel.customer.support;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** Direct reads of customer-service's tables, to check what is really stored. */
public final class Database {

    private Database() {
    }

    public static List<Row> rows(Pool pool, String sql, Object... parameters) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().indefinitely().forEach(rows::add);
        return rows;
    }

    public static long count(Pool pool, String sql, Object... parameters) {
        return rows(pool, sql, parameters).getFirst().getLong(0);
    }

    public static void execute(Pool pool, String sql, Object... parameters) {
        pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().indefinitely();
    }
}

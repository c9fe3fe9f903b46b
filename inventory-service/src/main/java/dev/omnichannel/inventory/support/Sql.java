package dev.omnichannel.inventory.support;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Native SQL on the current Hibernate Reactive session, so it joins the caller's transaction
 * (and with it the outbox and idempotency records). Parameters are positional: {@code ?1, ?2…}.
 */
public final class Sql {

    private Sql() {
    }

    public static Uni<List<Row>> list(String sql, Object... parameters) {
        return Panache.getSession().chain(session -> bind(session.<Object>createNativeQuery(sql), parameters)
                .getResultList())
                .map(results -> results.stream().map(Row::of).toList());
    }

    /** The first row, or null when there is none. */
    public static Uni<Row> one(String sql, Object... parameters) {
        return list(sql, parameters).map(rows -> rows.isEmpty() ? null : rows.getFirst());
    }

    public static Uni<Integer> update(String sql, Object... parameters) {
        return Panache.getSession().chain(session -> {
            return bind(session.<Object>createNativeQuery(sql), parameters).executeUpdate();
        });
    }

    /** {@code ?from, ?from+1, …} for an IN list of {@code count} values. */
    public static String placeholders(int from, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append('?').append(from + i);
        }
        return text.toString();
    }

    private static <R> Mutiny.Query<R> bind(Mutiny.Query<R> query, Object[] parameters) {
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }
}

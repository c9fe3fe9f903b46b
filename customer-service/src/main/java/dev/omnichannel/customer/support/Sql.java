package dev.omnichannel.customer.support;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Native statements in the caller's transaction, for what JPQL cannot say (ON CONFLICT, bulk
 * moves between customers, recursive look-ups). Pending entity changes are flushed first so
 * the statement sees them.
 */
public final class Sql {

    private Sql() {
    }

    public static Uni<Integer> update(String sql, Object... parameters) {
        return Panache.getSession().chain(session -> session.flush()
                .chain(() -> {
                    Mutiny.MutationQuery query = session.createNativeQuery(sql);
                    return bind(query, parameters).executeUpdate();
                }));
    }

    public static <T> Uni<List<T>> list(String sql, Class<T> type, Object... parameters) {
        return Panache.getSession().chain(session -> session.flush()
                .chain(() -> bind(session.createNativeQuery(sql, type), parameters).getResultList()));
    }

    /** A column of ids, selected as text ({@code CAST(id AS text)}). */
    public static Uni<List<UUID>> ids(String sql, Object... parameters) {
        return list(sql, String.class, parameters).map(rows -> rows.stream().map(UUID::fromString).toList());
    }

    /** Binds a list of ids to {@code = ANY(CAST(string_to_array(?n, ',') AS uuid[]))}; works for an empty list. */
    public static String idArray(List<UUID> ids) {
        return String.join(",", ids.stream().map(UUID::toString).toList());
    }

    /** Persists the entities one after the other; nothing to do for an empty list. */
    public static Uni<Void> persistAll(List<?> entities) {
        return Panache.getSession().chain(session -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Object entity : entities) {
                chain = chain.chain(() -> session.persist(entity));
            }
            return chain;
        });
    }

    /** Runs the steps one after the other (a reactive session takes one statement at a time). */
    @SafeVarargs
    public static Uni<Void> inOrder(Supplier<Uni<?>>... steps) {
        Uni<?> chain = Uni.createFrom().voidItem();
        for (Supplier<Uni<?>> step : steps) {
            chain = chain.chain(step);
        }
        return chain.replaceWithVoid();
    }

    private static <T> Mutiny.SelectionQuery<T> bind(Mutiny.SelectionQuery<T> query, Object[] parameters) {
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }

    private static Mutiny.MutationQuery bind(Mutiny.MutationQuery query, Object[] parameters) {
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }
}

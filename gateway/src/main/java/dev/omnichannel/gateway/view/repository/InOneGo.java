package dev.omnichannel.gateway.view.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One transaction whose statements are sent together once it has begun: the database runs them back to
 * back, without a round trip to this busy gateway between them, and the COMMIT follows the last answer
 * (Vert.x makes it a rollback when a statement failed). Its locks are held for two round trips, whatever
 * the number of statements. The statements must not depend on each other's answers.
 */
public final class InOneGo {

    private InOneGo() {
    }

    public static Uni<Void> transaction(Pool pool, Function<SqlConnection, List<Uni<Void>>> statements) {
        return pool.withConnection(connection -> connection.begin().chain(transaction -> {
            List<Uni<Void>> all = new ArrayList<>(statements.apply(connection));
            all.add(transaction.commit());
            return Uni.join().all(all).andFailFast().replaceWithVoid();
        }));
    }
}

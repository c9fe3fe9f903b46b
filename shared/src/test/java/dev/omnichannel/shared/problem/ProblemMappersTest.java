package dev.omnichannel.shared.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Which failures are a dependency down (503, retry shortly) rather than a bug (500): found by DatabaseRestartChaos. */
class ProblemMappersTest {

    @Test
    void a_refused_or_closed_connection_and_a_database_going_down_or_starting_up_are_unavailability() {
        assertTrue(ProblemMappers.dependencyUnavailable(new CompletionException(new ConnectException("Connection refused"))));
        assertTrue(ProblemMappers.dependencyUnavailable(ClosedConnectionException.INSTANCE));
        assertTrue(ProblemMappers.dependencyUnavailable(new IllegalStateException(
                new PgException("the database system is starting up", "FATAL", "57P03", null))));
        assertTrue(ProblemMappers.dependencyUnavailable(new PgException("terminating connection", "FATAL", "57P01", null)));
        assertTrue(ProblemMappers.dependencyUnavailable(new PgException("connection failure", "FATAL", "08006", null)));
    }

    @Test
    void a_failing_statement_or_any_other_exception_is_not() {
        assertFalse(ProblemMappers.dependencyUnavailable(new PgException("duplicate key", "ERROR", "23505", null)));
        assertFalse(ProblemMappers.dependencyUnavailable(new IllegalStateException("a bug")));
        assertFalse(ProblemMappers.dependencyUnavailable(new NullPointerException()));
    }
}

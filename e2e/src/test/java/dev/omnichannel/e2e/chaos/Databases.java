package dev.omnichannel.e2e.chaos;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;

/** One number from a service's own database (read as that service's role), to check invariants against the truth. */
final class Databases {

    private static final String SERVER = System.getProperty("omni.postgres-jdbc", "jdbc:postgresql://127.0.0.1:15432/");

    private Databases() {
    }

    /** The first column of the first row; a {@link Collection} parameter is bound as a text array. */
    static long number(String database, String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(SERVER + database, database, database);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof Collection<?> values) {
                    statement.setArray(i + 1, connection.createArrayOf("text", values.toArray()));
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + database + "'s database: " + sql, e);
        }
    }
}

package dev.omnichannel.e2e.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The gateway's own database: its view model, emptied to rebuild it, searched after an erasure. */
public final class GatewayDatabase {

    private static final String URL = System.getProperty("omni.gateway-jdbc", "jdbc:postgresql://127.0.0.1:15432/gateway");
    private static final String[] MODEL = { "customer_view", "view_holding", "view_subject", "view_merge", "view_erased",
            "view_stock_writes", "view_holding_stale", "view_offset" };

    private GatewayDatabase() {
    }

    /** Deletes the whole view model, the offsets it had reached included: the next start reads every topic again. */
    public static void emptyTheViewModel() {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE " + String.join(", ", MODEL));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the view model at " + URL, e);
        }
    }

    /** Rows of the view model that name this customer, in every table but the erasure's own record. */
    public static int rowsAbout(String customerId) {
        String sql = """
                SELECT (SELECT count(*) FROM customer_view WHERE customer_id = ?1)
                     + (SELECT count(*) FROM view_holding WHERE customer_id = ?1) + (SELECT count(*) FROM view_subject WHERE customer_id = ?1)
                     + (SELECT count(*) FROM view_merge WHERE ?1 IN (duplicate_id, survivor_id))""".replace("?1", "?");
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int parameter = 1; parameter <= statement.getParameterMetaData().getParameterCount(); parameter++) {
                statement.setString(parameter, customerId);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the view model at " + URL, e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, "gateway", "gateway");
    }
}

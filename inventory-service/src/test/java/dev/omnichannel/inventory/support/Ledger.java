package dev.omnichannel.inventory.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads the service's database directly (the test's own JDBC connection) to check levels against the ledger. */
public final class Ledger {

    /** A level as stored, and the same figures summed from the ledger. */
    public record Check(int onHand, int reserved, int nonSellable, long version,
            long ledgerOnHand, long ledgerReserved, long ledgerNonSellable, long movements) {

        public int available() {
            return onHand - reserved;
        }

        public boolean agrees() {
            return onHand == ledgerOnHand && reserved == ledgerReserved && nonSellable == ledgerNonSellable
                    && version == movements;
        }
    }

    private Ledger() {
    }

    public static Check check(String sku, String locationId) {
        return query("""
                SELECT l.on_hand, l.reserved, l.non_sellable, l.version,
                       (SELECT COALESCE(sum(on_hand_delta), 0) FROM stock_movement m WHERE m.sku = l.sku AND m.location_id = l.location_id),
                       (SELECT COALESCE(sum(reserved_delta), 0) FROM stock_movement m WHERE m.sku = l.sku AND m.location_id = l.location_id),
                       (SELECT COALESCE(sum(non_sellable_delta), 0) FROM stock_movement m WHERE m.sku = l.sku AND m.location_id = l.location_id),
                       (SELECT count(*) FROM stock_movement m WHERE m.sku = l.sku AND m.location_id = l.location_id)
                FROM stock_level l WHERE l.sku = ? AND l.location_id = ?
                """, rs -> new Check(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getLong(4), rs.getLong(5),
                rs.getLong(6), rs.getLong(7), rs.getLong(8)), sku, locationId);
    }

    /** How many ledger rows of a type refer to {@code reference}. */
    public static long movements(String reference, String type) {
        return query("SELECT count(*) FROM stock_movement WHERE reference = ? AND type = ?", rs -> rs.getLong(1),
                reference, type);
    }

    public static long count(String sql, Object... parameters) {
        return query(sql, rs -> rs.getLong(1), parameters);
    }

    public static String text(String sql, Object... parameters) {
        return query(sql, rs -> rs.getString(1), parameters);
    }

    public static synchronized void execute(String sql, Object... parameters) {
        try (PreparedStatement statement = connect().prepareStatement(sql)) {
            bind(statement, parameters);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static synchronized <T> T query(String sql, Reader<T> reader, Object... parameters) {
        try (PreparedStatement statement = connect().prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? reader.read(rs) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    private static Connection connection;

    /** One connection for the whole run, never closed by callers (autocommit: each statement sees the latest commit). */
    private static synchronized Connection connect() throws SQLException {
        if (connection == null || connection.isClosed()) {
            var config = ConfigProvider.getConfig();
            connection = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                    config.getValue("quarkus.datasource.username", String.class),
                    config.getValue("quarkus.datasource.password", String.class));
        }
        return connection;
    }
}

package dev.omnichannel.e2e.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;

/**
 * inventory-service's own database, read (never written) to check invariants against the source
 * of truth: the levels and the ledger of movements they derive from.
 */
public final class InventoryDatabase {

    private static final String URL = System.getProperty("omni.inventory-jdbc", "jdbc:postgresql://127.0.0.1:15432/inventory");

    /** A level, or the sums of the ledger's deltas for it (then {@code version} is the highest movement version). */
    public record Level(int onHand, int reserved, int nonSellable, long version) {

        public int available() {
            return onHand - reserved;
        }
    }

    private InventoryDatabase() {
    }

    public static Level level(String sku, String locationId) {
        return one("SELECT on_hand, reserved, non_sellable, version FROM stock_level WHERE sku = ? AND location_id = ?",
                sku, locationId);
    }

    public static Level ledgerSums(String sku, String locationId) {
        return one("""
                SELECT COALESCE(SUM(on_hand_delta), 0), COALESCE(SUM(reserved_delta), 0),
                       COALESCE(SUM(non_sellable_delta), 0), COALESCE(MAX(version), 0)
                FROM stock_movement WHERE sku = ? AND location_id = ?""", sku, locationId);
    }

    /** Units of the SKU that these reservations, still confirmed, hold at the store. */
    public static int reservedByConfirmedReservations(String sku, String storeId, Collection<String> reservationIds) {
        String sql = """
                SELECT COALESCE(SUM(l.quantity), 0) FROM reservation r JOIN reservation_line l ON l.reservation_id = r.id
                WHERE l.sku = ? AND r.store_id = ? AND r.id = ANY (?::uuid[]) AND r.status = 'CONFIRMED'""";
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, sku);
            statement.setString(2, storeId);
            statement.setArray(3, connection.createArrayOf("text", reservationIds.toArray()));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read inventory's database at " + URL, e);
        }
    }

    private static Level one(String sql, String sku, String locationId) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, sku);
            statement.setString(2, locationId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                return new Level(row.getInt(1), row.getInt(2), row.getInt(3), row.getLong(4));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read inventory's database at " + URL, e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, "inventory", "inventory");
    }
}

package dev.omnichannel.inventory.reservation.repository;

import dev.omnichannel.inventory.reservation.domain.HoldType;
import dev.omnichannel.inventory.reservation.domain.Reservation;
import dev.omnichannel.inventory.reservation.domain.ReservationStatus;
import dev.omnichannel.inventory.support.Row;
import dev.omnichannel.inventory.support.Sql;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reservations and their lines. Every status change is one conditional UPDATE on the current
 * status, so of two concurrent changes (cancel and expiry, two expiry runners) exactly one wins
 * and releases the stock. Every UPDATE adds one to the row's {@code version} (1 at insert).
 */
@ApplicationScoped
public class ReservationRepository {

    private static final String ACTIVE = "('CONFIRMED', 'READY')";

    /** Reservation columns then line columns (sku, quantity, unit_price), from {@code r} joined with {@code l}. */
    private static final String COLUMNS = """
            r.id, r.customer_id, r.store_id, r.status, r.hold_type, r.pickup_code, r.expires_at, r.max_expires_at,
            r.pickup_from, r.pickup_to, r.total, r.currency, r.channel, r.created_at, r.updated_at, r.version,
            l.sku, l.quantity, l.unit_price""";

    public Uni<Reservation> find(UUID id) {
        return Sql.list("SELECT " + COLUMNS + " FROM reservation r JOIN reservation_line l ON l.reservation_id = r.id "
                + "WHERE r.id = ?1 ORDER BY l.sku", id)
                .map(rows -> rows.isEmpty() ? null : group(rows).getFirst());
    }

    /** The customer's reservations, newest first; only those holding stock when {@code activeOnly}. */
    public Uni<List<Reservation>> ofCustomer(UUID customerId, boolean activeOnly, int offset, int limit) {
        return Sql.list("SELECT " + COLUMNS + " FROM (SELECT * FROM reservation WHERE customer_id = ?1"
                + (activeOnly ? " AND status IN " + ACTIVE : "")
                + " ORDER BY created_at DESC, id OFFSET ?2 LIMIT ?3) r"
                + " JOIN reservation_line l ON l.reservation_id = r.id ORDER BY r.created_at DESC, r.id, l.sku",
                customerId, offset, limit).map(ReservationRepository::group);
    }

    public Uni<Long> countOfCustomer(UUID customerId, boolean activeOnly) {
        return Sql.one("SELECT count(*) FROM reservation WHERE customer_id = ?1"
                + (activeOnly ? " AND status IN " + ACTIVE : ""), customerId).map(row -> row.longValue(0));
    }

    /** The active reservation a pickup code designates at a store, if any. */
    public Uni<Reservation> activeByPickupCode(String storeId, String pickupCode) {
        return Sql.list("SELECT " + COLUMNS + " FROM reservation r JOIN reservation_line l ON l.reservation_id = r.id "
                + "WHERE r.store_id = ?1 AND r.pickup_code = ?2 AND r.status IN " + ACTIVE + " ORDER BY l.sku",
                storeId, pickupCode).map(rows -> rows.isEmpty() ? null : group(rows).getFirst());
    }

    /** Moves an active reservation to {@code to}; null when it was not active (or unknown). */
    public Uni<Reservation> leaveActive(UUID id, ReservationStatus to) {
        return changed("status = ?2, updated_at = now()", "r.id = ?1 AND r.status IN " + ACTIVE, id, to.name());
    }

    /** CONFIRMED to READY; null when it was not CONFIRMED. */
    public Uni<Reservation> markReady(UUID id) {
        return changed("status = 'READY', updated_at = now()",
                "r.id = ?1 AND r.status = 'CONFIRMED' AND (r.expires_at IS NULL OR r.expires_at > now())", id);
    }

    /** Collected with the right code before expiry; null otherwise. */
    public Uni<Reservation> collect(UUID id, String pickupCode) {
        return changed("status = 'COLLECTED', updated_at = now()", "r.id = ?1 AND r.status IN " + ACTIVE
                + " AND r.pickup_code = ?2 AND (r.expires_at IS NULL OR r.expires_at > now())", id, pickupCode);
    }

    /**
     * Pushes the expiry by {@code minutes}, never past the hold's maximum; null when it cannot be
     * extended. A hold pushed out of its notice period will be warned again before its new expiry.
     */
    public Uni<Reservation> extend(UUID id, int minutes, Duration cartNotice, Duration clickAndCollectNotice) {
        String extended = "LEAST(r.expires_at + make_interval(mins => CAST(?2 AS integer)), r.max_expires_at)";
        return changed("expires_at = " + extended + ", "
                + "pickup_to = CASE WHEN r.pickup_to IS NULL THEN NULL ELSE " + extended + " END, "
                + "expiring_notified = r.expiring_notified AND " + extended + " <= now() + " + notice("r.hold_type", 3, 4) + ", "
                + "updated_at = now()",
                "r.id = ?1 AND r.status IN " + ACTIVE + " AND r.expires_at > now() AND r.expires_at < r.max_expires_at",
                id, minutes, seconds(cartNotice), seconds(clickAndCollectNotice));
    }

    /**
     * Claims up to {@code limit} active reservations past their expiry: they become EXPIRED in the
     * caller's transaction. Rows another runner has locked are skipped, and the status condition
     * makes a second claim of the same row impossible, so each is claimed (and released) once.
     */
    public Uni<List<Reservation>> claimExpired(int limit) {
        return changedAll("status = 'EXPIRED', updated_at = now()", "r.status IN " + ACTIVE + " AND r.id IN ("
                + "SELECT id FROM reservation WHERE status IN " + ACTIVE + " AND expires_at < now() "
                + "ORDER BY expires_at LIMIT ?1 FOR UPDATE SKIP LOCKED)", limit);
    }

    /**
     * Claims up to {@code limit} active reservations that expire within their hold type's notice
     * and were never warned: each is warned once, whatever the number of runners.
     */
    public Uni<List<Reservation>> claimExpiring(Duration cartNotice, Duration clickAndCollectNotice, int limit) {
        return changedAll("expiring_notified = true", "NOT r.expiring_notified AND r.id IN ("
                + "SELECT id FROM reservation WHERE status IN " + ACTIVE + " AND NOT expiring_notified "
                + "AND expires_at > now() AND expires_at <= now() + " + notice("hold_type", 1, 2) + " "
                + "ORDER BY expires_at LIMIT ?3 FOR UPDATE SKIP LOCKED)",
                seconds(cartNotice), seconds(clickAndCollectNotice), limit);
    }

    private Uni<Reservation> changed(String set, String where, Object... parameters) {
        return changedAll(set, where, parameters).map(found -> found.isEmpty() ? null : found.getFirst());
    }

    private Uni<List<Reservation>> changedAll(String set, String where, Object... parameters) {
        return Sql.list("WITH r AS (UPDATE reservation AS r SET " + set + ", version = r.version + 1 WHERE " + where
                + " RETURNING r.*) SELECT " + COLUMNS
                + " FROM r JOIN reservation_line l ON l.reservation_id = r.id ORDER BY r.id, l.sku", parameters)
                .map(ReservationRepository::group);
    }

    /** The notice of the hold type in {@code holdType}, from the cart and click and collect notices at those parameters. */
    private static String notice(String holdType, int cartParameter, int clickAndCollectParameter) {
        return "make_interval(secs => CASE " + holdType + " WHEN 'cart' THEN CAST(?" + cartParameter
                + " AS double precision) ELSE CAST(?" + clickAndCollectParameter + " AS double precision) END)";
    }

    private static Double seconds(Duration duration) {
        return duration == null ? null : duration.toMillis() / 1000.0;
    }

    /** Rows of reservation-and-line, one reservation after the other, to reservations with their lines. */
    private static List<Reservation> group(List<Row> rows) {
        Map<UUID, Reservation> byId = new LinkedHashMap<>();
        Map<UUID, List<Reservation.Line>> lines = new LinkedHashMap<>();
        for (Row row : rows) {
            UUID id = row.uuid(0);
            byId.computeIfAbsent(id, ignored -> reservation(row));
            lines.computeIfAbsent(id, ignored -> new ArrayList<>())
                    .add(new Reservation.Line(row.string(16), row.intValue(17), row.decimal(18)));
        }
        return byId.values().stream().map(r -> r.withLines(List.copyOf(lines.get(r.id())))).toList();
    }

    private static Reservation reservation(Row row) {
        return new Reservation(row.uuid(0), row.uuid(1), row.string(2), ReservationStatus.valueOf(row.string(3)),
                HoldType.fromWireName(row.string(4)), row.string(5), row.instant(6), row.instant(7), row.instant(8),
                row.instant(9), row.decimal(10), row.string(11).trim(), row.string(12), row.instant(13),
                row.instant(14), row.longValue(15), List.of());
    }
}

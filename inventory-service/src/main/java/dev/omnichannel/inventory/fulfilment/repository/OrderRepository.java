package dev.omnichannel.inventory.fulfilment.repository;

import dev.omnichannel.inventory.fulfilment.domain.Address;
import dev.omnichannel.inventory.fulfilment.domain.AllocationMethod;
import dev.omnichannel.inventory.fulfilment.domain.Order;
import dev.omnichannel.inventory.fulfilment.domain.OrderStatus;
import dev.omnichannel.inventory.support.Row;
import dev.omnichannel.inventory.support.Sql;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Fulfilment orders with their lines and allocations. */
@ApplicationScoped
public class OrderRepository {

    private static final String ORDER_COLUMNS = """
            id, customer_id, status, deliver_to_store_id, address_street, address_postal_code, address_city,
            address_country, address_lat, address_lon, total, currency, channel, created_at, updated_at, version""";

    /** Inserts the order, its lines and its allocations in one statement; answers the stored order. */
    public Uni<Order> insert(Order order, String actor) {
        Address address = order.address();
        List<Object> parameters = new ArrayList<>(List.of(order.id(), order.status().name(), order.total(), order.currency()));
        parameters.addAll(Arrays.asList(order.customerId(), order.deliverToStoreId(),
                address == null ? null : address.street(), address == null ? null : address.postalCode(),
                address == null ? null : address.city(), address == null ? null : address.country(),
                address == null ? null : address.lat(), address == null ? null : address.lon(),
                order.channel(), actor));
        StringBuilder lines = new StringBuilder();
        for (Order.Line line : order.lines()) {
            int next = parameters.size() + 1;
            lines.append(lines.isEmpty() ? "" : ", ").append("(CAST(?%d AS text), CAST(?%d AS integer), CAST(?%d AS numeric))"
                    .formatted(next, next + 1, next + 2));
            parameters.addAll(List.of(line.sku(), line.quantity(), line.unitPrice()));
        }
        StringBuilder allocations = new StringBuilder();
        for (Order.Allocation allocation : order.allocations()) {
            int next = parameters.size() + 1;
            allocations.append(allocations.isEmpty() ? "" : ", ")
                    .append("(CAST(?%d AS text), CAST(?%d AS text), CAST(?%d AS integer), CAST(?%d AS text))"
                            .formatted(next, next + 1, next + 2, next + 3));
            parameters.addAll(List.of(allocation.locationId(), allocation.sku(), allocation.quantity(),
                    allocation.method().wireName()));
        }
        String sql = """
                WITH o AS (
                    INSERT INTO fulfilment_order (id, status, total, currency, customer_id, deliver_to_store_id,
                        address_street, address_postal_code, address_city, address_country, address_lat, address_lon,
                        channel, actor)
                    VALUES (?1, ?2, ?3, ?4, CAST(?5 AS uuid), CAST(?6 AS text), CAST(?7 AS text), CAST(?8 AS text),
                        CAST(?9 AS text), CAST(?10 AS text), CAST(?11 AS double precision), CAST(?12 AS double precision),
                        CAST(?13 AS text), CAST(?14 AS text))
                    RETURNING id, created_at, updated_at, version),
                l AS (
                    INSERT INTO order_line (order_id, sku, quantity, unit_price)
                    SELECT o.id, v.sku, v.quantity, v.unit_price FROM o, (VALUES %s) AS v(sku, quantity, unit_price)),
                a AS (
                    INSERT INTO order_allocation (order_id, location_id, sku, quantity, method)
                    SELECT o.id, v.location_id, v.sku, v.quantity, v.method
                    FROM o, (VALUES %s) AS v(location_id, sku, quantity, method))
                SELECT created_at, updated_at, version FROM o
                """.formatted(lines, allocations);
        return Sql.one(sql, parameters.toArray()).map(row -> new Order(order.id(), order.customerId(), order.status(),
                order.deliverToStoreId(), order.address(), order.total(), order.currency(), order.channel(),
                row.instant(0), row.instant(1), row.longValue(2), order.lines(), order.allocations()));
    }

    public Uni<Order> find(UUID id) {
        return Sql.list("SELECT " + ORDER_COLUMNS + " FROM fulfilment_order WHERE id = ?1", id)
                .chain(rows -> withDetails(rows).map(orders -> orders.isEmpty() ? null : orders.getFirst()));
    }

    /** Newest first. */
    public Uni<List<Order>> ofCustomer(UUID customerId, int offset, int limit) {
        return Sql.list("SELECT " + ORDER_COLUMNS + " FROM fulfilment_order WHERE customer_id = ?1 "
                + "ORDER BY created_at DESC, id OFFSET ?2 LIMIT ?3", customerId, offset, limit)
                .chain(this::withDetails);
    }

    public Uni<Long> countOfCustomer(UUID customerId) {
        return Sql.one("SELECT count(*) FROM fulfilment_order WHERE customer_id = ?1", customerId)
                .map(row -> row.longValue(0));
    }

    /**
     * Moves the order from its status to {@code to}, one version up; null when it was no longer in
     * that status (another change won).
     */
    public Uni<Order> transition(Order order, OrderStatus to) {
        return Sql.one("UPDATE fulfilment_order SET status = ?3, updated_at = now(), version = version + 1 "
                + "WHERE id = ?1 AND status = ?2 RETURNING updated_at, version", order.id(), order.status().name(), to.name())
                .map(row -> row == null ? null : order.withStatus(to, row.instant(0), row.longValue(1)));
    }

    /**
     * GDPR erasure: the customer's home addresses leave their orders, and the order answers kept for
     * {@code Idempotency-Key} retries (a replay then shows no address); the orders stay, for the stock
     * ledger. Wiping again changes nothing.
     */
    public Uni<Void> eraseAddresses(UUID customerId) {
        return Sql.update("""
                UPDATE fulfilment_order SET address_street = NULL, address_postal_code = NULL, address_city = NULL,
                    address_country = NULL, address_lat = NULL, address_lon = NULL, address_erased_at = now()
                WHERE customer_id = ?1 AND address_street IS NOT NULL
                """, customerId)
                .chain(() -> Sql.update("""
                        UPDATE idempotency_record SET response = CAST(CAST(response AS jsonb) #- ARRAY['deliverTo', 'address'] AS text)
                        WHERE scope LIKE 'POST /orders%' AND strpos(response, ?1) > 0
                            AND CAST(response AS jsonb) ->> 'customerId' = ?1
                            AND CAST(response AS jsonb) -> 'deliverTo' -> 'address' IS NOT NULL
                        """, customerId.toString()))
                .replaceWithVoid();
    }

    /** Lines and allocations of the orders, two queries for the whole list. */
    private Uni<List<Order>> withDetails(List<Row> orderRows) {
        if (orderRows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Object[] ids = orderRows.stream().map(row -> row.uuid(0)).toArray();
        String in = Sql.placeholders(1, ids.length);
        return Sql.list("SELECT order_id, sku, quantity, unit_price FROM order_line WHERE order_id IN (" + in
                + ") ORDER BY sku", ids)
                .chain(lineRows -> Sql.list("SELECT order_id, location_id, sku, quantity, method FROM order_allocation "
                        + "WHERE order_id IN (" + in + ") ORDER BY location_id, sku", ids)
                        .map(allocationRows -> {
                            Map<UUID, List<Order.Line>> lines = new HashMap<>();
                            lineRows.forEach(row -> lines.computeIfAbsent(row.uuid(0), k -> new ArrayList<>())
                                    .add(new Order.Line(row.string(1), row.intValue(2), row.decimal(3))));
                            Map<UUID, List<Order.Allocation>> allocations = new HashMap<>();
                            allocationRows.forEach(row -> allocations.computeIfAbsent(row.uuid(0), k -> new ArrayList<>())
                                    .add(new Order.Allocation(row.string(1), row.string(2), row.intValue(3),
                                            AllocationMethod.fromWireName(row.string(4)))));
                            return orderRows.stream().map(row -> order(row,
                                    lines.getOrDefault(row.uuid(0), List.of()),
                                    allocations.getOrDefault(row.uuid(0), List.of()))).toList();
                        }));
    }

    private static Order order(Row row, List<Order.Line> lines, List<Order.Allocation> allocations) {
        Address address = row.string(4) == null ? null : new Address(row.string(4), row.string(5), row.string(6),
                row.string(7), row.doubleValue(8), row.doubleValue(9));
        return new Order(row.uuid(0), row.uuid(1), OrderStatus.valueOf(row.string(2)), row.string(3), address,
                row.decimal(10), row.string(11).trim(), row.string(12), row.instant(13), row.instant(14),
                row.longValue(15), List.copyOf(lines), List.copyOf(allocations));
    }
}

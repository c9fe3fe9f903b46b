package dev.omnichannel.inventory.stock.service;

import dev.omnichannel.inventory.catalog.service.CatalogService;
import dev.omnichannel.inventory.location.service.LocationService;
import dev.omnichannel.inventory.stock.domain.Movement;
import dev.omnichannel.inventory.stock.domain.StockLevel;
import dev.omnichannel.inventory.stock.repository.StockLevelRepository;
import dev.omnichannel.inventory.stock.repository.TransferRepository;
import dev.omnichannel.inventory.stock.rest.AdjustmentRequest;
import dev.omnichannel.inventory.stock.rest.MovementView;
import dev.omnichannel.inventory.stock.rest.ReceiptRequest;
import dev.omnichannel.inventory.stock.rest.StockLevelView;
import dev.omnichannel.inventory.stock.rest.TransferRequest;
import dev.omnichannel.inventory.stock.rest.TransferView;
import dev.omnichannel.inventory.support.Caller;
import dev.omnichannel.inventory.support.Page;
import dev.omnichannel.inventory.support.PageRequest;
import dev.omnichannel.inventory.support.Row;
import dev.omnichannel.shared.data.idempotency.IdempotentRequests;
import dev.omnichannel.shared.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Receipts, adjustments and transfers: the ledger movements staff and admins make by hand. */
@ApplicationScoped
public class StockService {

    private final StockLedger ledger;
    private final StockLevelRepository levels;
    private final TransferRepository transfers;
    private final LocationService locations;
    private final CatalogService catalog;
    private final IdempotentRequests idempotent;

    StockService(StockLedger ledger, StockLevelRepository levels, TransferRepository transfers,
            LocationService locations, CatalogService catalog, IdempotentRequests idempotent) {
        this.ledger = ledger;
        this.levels = levels;
        this.transfers = transfers;
        this.locations = locations;
        this.catalog = catalog;
        this.idempotent = idempotent;
    }

    @WithTransaction
    public Uni<StockLevelView> receive(ReceiptRequest request, Caller caller) {
        return idempotent.once(caller.idempotencyKey(), caller.scope("POST /stock/receipts"), request,
                StockLevelView.class, () -> locations.require(request.storeId())
                        .chain(() -> catalog.requireProduct(request.sku()))
                        .chain(() -> ledger.record(Movement.receipt(request.sku(), request.storeId(),
                                request.quantity(), request.reference(), caller.actor())))
                        .map(StockLevelView::of));
    }

    @WithTransaction
    public Uni<StockLevelView> adjust(AdjustmentRequest request, Caller caller) {
        return idempotent.once(caller.idempotencyKey(), caller.scope("POST /stock/adjustments"), request,
                StockLevelView.class, () -> locations.require(request.storeId())
                        .chain(() -> catalog.requireProduct(request.sku()))
                        .chain(() -> ledger.record(Movement.adjustment(request.sku(), request.storeId(),
                                request.quantity(), request.nonSellable(), request.reason(), null, caller.actor())))
                        .chain(level -> level != null
                                ? Uni.createFrom().item(StockLevelView.of(level))
                                : refuse(request.sku(), request.storeId(), -request.quantity())));
    }

    /** Moves available units at once: transfer-out at the source, transfer-in at the destination. */
    @WithTransaction
    public Uni<TransferView> transfer(TransferRequest request, Caller caller) {
        UUID id = UUID.randomUUID();
        String reference = "transfer:" + id;
        Movement out = Movement.transferOut(request.sku(), request.fromStoreId(), request.quantity(), reference, caller.actor());
        Movement in = Movement.transferIn(request.sku(), request.toStoreId(), request.quantity(), reference, caller.actor());
        // Rows are always locked in location order, so two opposite transfers cannot deadlock.
        boolean outFirst = request.fromStoreId().compareTo(request.toStoreId()) < 0;
        return idempotent.once(caller.idempotencyKey(), caller.scope("POST /stock/transfers"), request,
                TransferView.class, () -> locations.require(request.fromStoreId())
                        .chain(() -> locations.require(request.toStoreId()))
                        .chain(() -> catalog.requireProduct(request.sku()))
                        .chain(() -> outFirst ? recordBoth(out, in) : recordBoth(in, out).map(List::reversed))
                        .chain(done -> done.get(0) == null
                                ? refuse(request.sku(), request.fromStoreId(), request.quantity())
                                : transfers.insert(id, request.fromStoreId(), request.toStoreId(), request.sku(),
                                        request.quantity(), "RECEIVED", null, caller.actor())
                                        .map(inserted -> new TransferView(id, request.fromStoreId(), request.toStoreId(),
                                                request.sku(), request.quantity(), "RECEIVED",
                                                StockLevelView.of(done.get(0)), StockLevelView.of(done.get(1))))));
    }

    /** Both movements, in order; stops (null for both) at the first refused one. */
    private Uni<List<StockLevel>> recordBoth(Movement first, Movement second) {
        return ledger.record(first).chain(a -> a == null
                ? Uni.createFrom().item(Arrays.asList((StockLevel) null, null))
                : ledger.record(second).map(b -> Arrays.asList(a, b)));
    }

    private <T> Uni<T> refuse(String sku, String locationId, int requested) {
        return levels.available(locationId, List.of(sku)).map(available -> {
            throw ProblemException.conflict("insufficient-stock",
                    "Not enough stock of " + sku + " at " + locationId,
                    Map.of("sku", sku, "storeId", locationId, "requested", requested,
                            "available", available.getOrDefault(sku, 0)));
        });
    }

    @WithSession
    public Uni<Page<StockLevelView>> levels(String sku, String locationId, PageRequest page) {
        return levels.countLevels(sku, locationId).chain(total -> levels.levels(sku, locationId, page.offset(), page.size())
                .map(found -> new Page<>(found.stream().map(StockLevelView::of).toList(), page.page(), page.size(), total)));
    }

    @WithSession
    public Uni<Page<MovementView>> ledger(String sku, String locationId, String reference, PageRequest page) {
        return levels.countMovements(sku, locationId, reference)
                .chain(total -> levels.movements(sku, locationId, reference, page.offset(), page.size())
                        .map(rows -> new Page<>(rows.stream().map(StockService::movement).toList(),
                                page.page(), page.size(), total)));
    }

    private static MovementView movement(Row row) {
        return new MovementView(row.longValue(0), row.string(1), row.string(2), row.string(3), row.intValue(4),
                row.intValue(5), row.intValue(6), row.intValue(7), row.longValue(8), row.string(9), row.string(10),
                row.string(11), row.instant(12));
    }
}

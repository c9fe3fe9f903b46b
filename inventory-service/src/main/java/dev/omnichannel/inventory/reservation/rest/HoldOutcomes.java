package dev.omnichannel.inventory.reservation.rest;

import dev.omnichannel.inventory.support.Overloaded;
import dev.omnichannel.shared.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

/**
 * What became of the holds asked for, at /q/metrics: {@code inventory_holds_total} by outcome
 * (confirmed, out_of_stock, overloaded, refused for another reason) and the holds waiting for their
 * answer now (queued or running).
 */
@ApplicationScoped
class HoldOutcomes {

    private final Counter confirmed;
    private final Counter outOfStock;
    private final Counter overloaded;
    private final Counter refused;
    private final AtomicInteger waiting = new AtomicInteger();

    HoldOutcomes(MeterRegistry registry) {
        this.confirmed = outcome(registry, "confirmed");
        this.outOfStock = outcome(registry, "out_of_stock");
        this.overloaded = outcome(registry, "overloaded");
        this.refused = outcome(registry, "refused");
        Gauge.builder("inventory.holds.waiting", waiting, AtomicInteger::get)
                .description("Holds asked for and not answered yet (queued or being placed)")
                .register(registry);
    }

    <T> Uni<T> counted(Uni<T> hold) {
        return Uni.createFrom().voidItem()
                .invoke(() -> waiting.incrementAndGet())
                .chain(() -> hold)
                .invoke(() -> confirmed.increment())
                .onFailure().invoke(this::countFailure)
                .onTermination().invoke(() -> waiting.decrementAndGet());
    }

    private void countFailure(Throwable failure) {
        if (failure instanceof BulkheadException || failure instanceof Overloaded) {
            overloaded.increment();
        } else if (failure instanceof ProblemException problem && "insufficient-stock".equals(problem.slug())) {
            outOfStock.increment();
        } else {
            refused.increment();
        }
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("inventory.holds").description("Holds asked for, by outcome").tag("outcome", outcome)
                .register(registry);
    }
}

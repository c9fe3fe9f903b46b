package dev.omnichannel.gateway.view.service;

import dev.omnichannel.gateway.view.rest.PersonalizedView.AsOf;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How the view keeps its promise, at /q/metrics: views served, views partial (and which service each
 * missed), and how old each part of a served view was (a histogram per part, for its p99).
 */
@ApplicationScoped
class ViewMetrics {

    /** The view's parts, by the name the metric's {@code part} label carries. */
    private static final Map<String, Function<AsOf, Instant>> PARTS = parts();

    private final MeterRegistry registry;
    private final Counter served;
    private final Counter partial;
    private final Map<String, Timer> partAges = new LinkedHashMap<>();

    ViewMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.served = Counter.builder("gateway.view.served").description("Personalized views served").register(registry);
        this.partial = Counter.builder("gateway.view.partial")
                .description("Personalized views served partial (a service never answered for the customer)")
                .register(registry);
        PARTS.keySet().forEach(part -> partAges.put(part, Timer.builder("gateway.view.part.age")
                .description("Age of a view part when served: from the last event the model applied for it to the answer")
                .tag("part", part)
                .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(10),
                        Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofDays(1))
                .register(registry)));
    }

    void served(AsOf asOf, List<String> missing, Instant now) {
        served.increment();
        if (!missing.isEmpty()) {
            partial.increment();
            missing.forEach(service -> registry.counter("gateway.view.missing", "service", service).increment());
        }
        PARTS.forEach((part, of) -> {
            Instant at = of.apply(asOf);
            if (at != null) {
                partAges.get(part).record(Duration.between(at, now.isBefore(at) ? at : now));
            }
        });
    }

    private static Map<String, Function<AsOf, Instant>> parts() {
        Map<String, Function<AsOf, Instant>> parts = new LinkedHashMap<>();
        parts.put("customer", AsOf::customer);
        parts.put("cart", AsOf::cart);
        parts.put("wishlist", AsOf::wishlist);
        parts.put("offers", AsOf::offers);
        parts.put("reservations", AsOf::reservations);
        parts.put("orders", AsOf::orders);
        parts.put("conversation", AsOf::conversation);
        parts.put("notifications", AsOf::notifications);
        parts.put("availability", AsOf::availability);
        return parts;
    }
}

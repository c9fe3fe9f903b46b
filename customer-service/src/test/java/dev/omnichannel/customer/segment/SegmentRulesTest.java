package dev.omnichannel.customer.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omnichannel.customer.segment.domain.SegmentRules;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private static List<String> segments(Duration age, Duration idle, String spend, long visits, List<String> stores) {
        return SegmentRules.evaluate(new SegmentRules.Facts(NOW.minus(age), NOW.minus(idle), new BigDecimal(spend), visits,
                stores), NOW);
    }

    @Test
    void new_lasts_30_days() {
        assertEquals(List.of("new"), segments(Duration.ofDays(29), Duration.ZERO, "0", 0, List.of()));
        assertEquals(List.of(), segments(Duration.ofDays(31), Duration.ZERO, "0", 0, List.of()));
    }

    @Test
    void vip_by_500_eur_or_10_visits() {
        assertEquals(List.of("vip"), segments(Duration.ofDays(60), Duration.ZERO, "500.00", 0, List.of()));
        assertEquals(List.of(), segments(Duration.ofDays(60), Duration.ZERO, "499.99", 9, List.of()));
        assertEquals(List.of("vip"), segments(Duration.ofDays(60), Duration.ZERO, "0", 10, List.of()));
    }

    @Test
    void lapsed_after_180_days_without_activity_and_regulars_per_store() {
        assertEquals(List.of("lapsed", "regular:paris-louvre"),
                segments(Duration.ofDays(400), Duration.ofDays(181), "0", 0, List.of("paris-louvre")));
        assertEquals(List.of(), segments(Duration.ofDays(400), Duration.ofDays(179), "0", 0, List.of()));
    }
}

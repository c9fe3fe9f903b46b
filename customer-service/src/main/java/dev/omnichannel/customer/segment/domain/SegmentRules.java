package dev.omnichannel.customer.segment.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/**
 * The rule-based segments: {@code new} (created less than 30 days ago), {@code vip} (collected
 * reservations and orders of 500 EUR or more, or 10 store visits in 90 days),
 * {@code regular:<storeId>} (3 visits or collections at that store in 90 days), {@code lapsed}
 * (no activity for 180 days).
 */
public final class SegmentRules {

    public static final Duration NEW_FOR = Duration.ofDays(30);
    public static final Duration RECENT = Duration.ofDays(90);
    public static final Duration LAPSED_AFTER = Duration.ofDays(180);
    public static final BigDecimal VIP_SPEND_EUR = new BigDecimal("500");
    public static final int VIP_VISITS = 10;
    public static final int REGULAR_TOUCHES = 3;

    public static final String NEW = "new";
    public static final String VIP = "vip";
    public static final String LAPSED = "lapsed";
    public static final String REGULAR_PREFIX = "regular:";

    /**
     * @param spendEur             collected reservations and orders, in EUR
     * @param recentVisits         store visits in the last 90 days
     * @param regularStores        stores with 3 or more visits or collections in the last 90 days
     */
    public record Facts(Instant createdAt, Instant lastActivityAt, BigDecimal spendEur, long recentVisits,
            List<String> regularStores) {
    }

    private SegmentRules() {
    }

    public static List<String> evaluate(Facts facts, Instant now) {
        TreeSet<String> segments = new TreeSet<>();
        if (facts.createdAt().isAfter(now.minus(NEW_FOR))) {
            segments.add(NEW);
        }
        if (facts.spendEur().compareTo(VIP_SPEND_EUR) >= 0 || facts.recentVisits() >= VIP_VISITS) {
            segments.add(VIP);
        }
        for (String store : facts.regularStores()) {
            segments.add(REGULAR_PREFIX + store);
        }
        if (facts.lastActivityAt().isBefore(now.minus(LAPSED_AFTER))) {
            segments.add(LAPSED);
        }
        return List.copyOf(segments);
    }
}

package dev.omnichannel.shared.events.inventory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a promotion lowers a price: by a percentage, or by a fixed amount (never below zero). The one
 * place promotional prices are computed, by inventory-service and by the gateway's catalogue model.
 */
public enum PromotionKind {
    PERCENTAGE("percentage") {
        @Override
        public BigDecimal apply(BigDecimal price, BigDecimal value) {
            return price.multiply(BigDecimal.valueOf(100).subtract(value))
                    .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        }
    },
    FIXED("fixed") {
        @Override
        public BigDecimal apply(BigDecimal price, BigDecimal value) {
            return price.subtract(value).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
        }
    };

    private final String wireName;

    PromotionKind(String wireName) {
        this.wireName = wireName;
    }

    /** The promotional price of {@code price}. */
    public abstract BigDecimal apply(BigDecimal price, BigDecimal value);

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static PromotionKind fromWireName(String value) {
        for (PromotionKind kind : values()) {
            if (kind.wireName.equalsIgnoreCase(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown promotion kind: " + value);
    }
}

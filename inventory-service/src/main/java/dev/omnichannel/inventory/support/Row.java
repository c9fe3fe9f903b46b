package dev.omnichannel.inventory.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;

/** One row of a native query, read by column position with the Java type each column stands for. */
public record Row(Object[] columns) {

    public static Row of(Object result) {
        return new Row(result instanceof Object[] array ? array : new Object[] { result });
    }

    public String string(int index) {
        Object value = columns[index];
        return value == null ? null : value.toString();
    }

    public Integer integer(int index) {
        return columns[index] instanceof Number number ? number.intValue() : null;
    }

    public int intValue(int index) {
        return ((Number) columns[index]).intValue();
    }

    public long longValue(int index) {
        return ((Number) columns[index]).longValue();
    }

    public Double doubleValue(int index) {
        return columns[index] instanceof Number number ? number.doubleValue() : null;
    }

    public BigDecimal decimal(int index) {
        Object value = columns[index];
        return switch (value) {
            case null -> null;
            case BigDecimal decimal -> decimal;
            case Number number -> new BigDecimal(number.toString());
            default -> new BigDecimal(value.toString());
        };
    }

    public boolean bool(int index) {
        return Boolean.TRUE.equals(columns[index]);
    }

    public UUID uuid(int index) {
        Object value = columns[index];
        return switch (value) {
            case null -> null;
            case UUID uuid -> uuid;
            default -> UUID.fromString(value.toString());
        };
    }

    public Instant instant(int index) {
        Object value = columns[index];
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case ZonedDateTime zoned -> zoned.toInstant();
            case LocalDateTime local -> local.toInstant(ZoneOffset.UTC);
            case java.util.Date date -> date.toInstant();
            default -> throw new IllegalStateException("column " + index + " is not a time: " + value.getClass());
        };
    }
}

package dev.omnichannel.messaging.notification.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Quiet hours in the customer's own time zone: {@code start} inclusive, {@code end} exclusive;
 * a start after the end spans midnight (22:00–07:00).
 */
public final class QuietHours {

    private QuietHours() {
    }

    /** When the quiet hours that contain {@code now} end, or empty if {@code now} is not in them. */
    public static Optional<Instant> endingAfter(Instant now, ZoneId zone, LocalTime start, LocalTime end) {
        if (start == null || end == null || start.equals(end)) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        LocalDate today = local.toLocalDate();
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end) ? Optional.of(at(today, end, zone)) : Optional.empty();
        }
        if (!time.isBefore(start)) {
            return Optional.of(at(today.plusDays(1), end, zone));
        }
        if (time.isBefore(end)) {
            return Optional.of(at(today, end, zone));
        }
        return Optional.empty();
    }

    private static Instant at(LocalDate date, LocalTime time, ZoneId zone) {
        return ZonedDateTime.of(date, time, zone).toInstant(); // a gap (DST) moves the end later, never earlier
    }
}

package dev.omnichannel.messaging.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omnichannel.messaging.notification.service.QuietHours;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalTime TEN_PM = LocalTime.of(22, 0);
    private static final LocalTime SEVEN_AM = LocalTime.of(7, 0);

    @Test
    void late_evening_in_the_customers_zone_waits_until_the_next_morning() {
        // 21:30 UTC is 22:30 in Paris in winter
        assertEquals(Optional.of(Instant.parse("2026-01-16T06:00:00Z")),
                QuietHours.endingAfter(Instant.parse("2026-01-15T21:30:00Z"), PARIS, TEN_PM, SEVEN_AM));
    }

    @Test
    void early_morning_waits_until_the_end_the_same_day() {
        assertEquals(Optional.of(Instant.parse("2026-07-15T05:00:00Z")),
                QuietHours.endingAfter(Instant.parse("2026-07-15T01:00:00Z"), PARIS, TEN_PM, SEVEN_AM));
    }

    @Test
    void daytime_is_not_quiet_and_the_end_itself_is_not_quiet() {
        assertEquals(Optional.empty(), QuietHours.endingAfter(Instant.parse("2026-01-15T12:00:00Z"), PARIS, TEN_PM, SEVEN_AM));
        assertEquals(Optional.empty(), QuietHours.endingAfter(Instant.parse("2026-01-15T06:00:00Z"), PARIS, TEN_PM, SEVEN_AM));
    }

    @Test
    void the_same_instant_is_quiet_for_one_zone_and_not_for_another() {
        Instant utcEvening = Instant.parse("2026-01-15T22:30:00Z");
        assertEquals(Optional.empty(), QuietHours.endingAfter(utcEvening, ZoneId.of("America/New_York"), TEN_PM, SEVEN_AM));
        assertEquals(Optional.of(Instant.parse("2026-01-16T06:00:00Z")), QuietHours.endingAfter(utcEvening, PARIS, TEN_PM, SEVEN_AM));
    }

    @Test
    void quiet_hours_within_one_day() {
        LocalTime start = LocalTime.of(12, 0);
        LocalTime end = LocalTime.of(14, 0);
        assertEquals(Optional.of(Instant.parse("2026-01-15T13:00:00Z")),
                QuietHours.endingAfter(Instant.parse("2026-01-15T12:00:00Z"), PARIS, start, end));
        assertEquals(Optional.empty(), QuietHours.endingAfter(Instant.parse("2026-01-15T10:59:00Z"), PARIS, start, end));
    }
}

package dev.omnichannel.messaging.analytics.rest;

import dev.omnichannel.messaging.analytics.service.AnalyticsService;
import dev.omnichannel.shared.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

@Path("/analytics/channels")
@RolesAllowed("service")
public class AnalyticsResource {

    private final AnalyticsService service;
    private final Clock clock;

    AnalyticsResource(AnalyticsService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    /**
     * {@code from} inclusive, {@code to} exclusive: ISO instants or dates (UTC days); by default the
     * last 30 days. {@code templateKey} narrows it to one message (e.g. one campaign's template).
     */
    @GET
    public Uni<ChannelReport> channels(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("templateKey") String templateKey) {
        Instant end = to == null || to.isBlank() ? clock.instant() : instant("to", to, true);
        Instant start = from == null || from.isBlank() ? end.minus(Duration.ofDays(30)) : instant("from", from, false);
        if (!start.isBefore(end)) {
            throw ProblemException.badRequest("from", "must be before to");
        }
        return service.channels(start, end, templateKey == null || templateKey.isBlank() ? null : templateKey);
    }

    /** A date as {@code to} means up to the end of that day. */
    private static Instant instant(String field, String value, boolean endOfDay) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest(field, "an ISO-8601 instant or date");
            }
        }
    }
}

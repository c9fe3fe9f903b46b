package dev.omnichannel.gateway.view.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** How the stores of the view model bind and read times and JSON parts, and keep nothing of an erased customer. */
final class ViewColumns {

    /** Appended to an INSERT … SELECT whose $1 is the customer: an erased customer is never written again. */
    static final String NOT_ERASED = "WHERE NOT EXISTS (SELECT 1 FROM view_erased WHERE customer_id = $1)";

    private ViewColumns() {
    }

    static Instant instant(Row row, int column) {
        OffsetDateTime time = row.getOffsetDateTime(column);
        return time == null ? null : time.toInstant();
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** JSON is bound as text: a String bound to a json parameter would be stored as a JSON string. */
    static String write(ObjectMapper json, Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a view part cannot be written as JSON", e);
        }
    }
}

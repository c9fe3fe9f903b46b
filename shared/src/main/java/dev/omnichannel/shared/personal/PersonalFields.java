package dev.omnichannel.shared.personal;

import dev.omnichannel.shared.events.customer.CustomerSnapshot;
import dev.omnichannel.shared.events.messaging.MessagingSummaryChanged;
import java.util.List;
import java.util.Map;

/**
 * The fields of each event type that are a customer's personal data, sealed under that customer's
 * key ({@link PersonalDataSeal}); the event's subject (its record key) is the customer. Every other
 * event of the suite carries ids, codes, amounts and times only.
 */
public final class PersonalFields {

    private static final Map<String, List<String>> BY_TYPE = Map.of(
            CustomerSnapshot.TYPE, List.of("displayName", "emails", "phones", "deviceTokens", "socialHandles"),
            // the texts of the latest messages: what a customer writes may name or reach them
            MessagingSummaryChanged.TYPE, List.of("lastMessages"));

    private PersonalFields() {
    }

    /** Empty when an event of this type carries no personal data. */
    public static List<String> of(String eventType) {
        return BY_TYPE.getOrDefault(eventType, List.of());
    }
}

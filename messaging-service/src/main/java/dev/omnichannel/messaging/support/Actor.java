package dev.omnichannel.messaging.support;

import dev.omnichannel.shared.http.ForwardedHeaders;
import dev.omnichannel.shared.problem.ProblemException;

/**
 * Who acts, from the gateway's {@code X-Actor} header: {@code customer:<id>}, {@code staff:<subject>@<store>},
 * {@code kiosk:<storeId>} or {@code admin:<subject>}.
 */
public record Actor(String kind, String ref) {

    public static Actor parse(String header) {
        if (header == null || header.isBlank() || header.indexOf(':') <= 0) {
            throw ProblemException.badRequest(ForwardedHeaders.ACTOR, "required, as customer:<id> or staff:<subject>");
        }
        int colon = header.indexOf(':');
        String kind = header.substring(0, colon).trim();
        String ref = header.substring(colon + 1).trim();
        if (!kind.matches("customer|staff|kiosk|admin") || ref.isEmpty()) {
            throw ProblemException.badRequest(ForwardedHeaders.ACTOR, "unknown actor " + header);
        }
        return new Actor(kind, ref);
    }

    public boolean isCustomer() {
        return "customer".equals(kind);
    }

    /** The author of a conversation message: the customer, or staff for anyone acting for the retailer. */
    public String author() {
        return isCustomer() ? "customer" : "staff";
    }

    @Override
    public String toString() {
        return kind + ":" + ref;
    }
}

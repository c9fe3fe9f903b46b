package dev.omnichannel.customer.support;

import dev.omnichannel.shared.events.Channel;
import dev.omnichannel.shared.http.ForwardedHeaders;
import dev.omnichannel.shared.problem.ProblemException;

/** Reads the {@code X-Channel} header the gateway sets: absent is allowed, unknown is a 400. */
public final class ChannelHeader {

    private ChannelHeader() {
    }

    /** The channel's wire name ({@code web}, {@code mobile}...), or null when the header is absent. */
    public static String parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Channel.fromWireName(header.trim()).wireName();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(ForwardedHeaders.CHANNEL,
                    "unknown channel; one of web, mobile, kiosk, store, call-center");
        }
    }
}

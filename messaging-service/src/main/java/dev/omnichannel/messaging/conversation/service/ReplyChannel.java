package dev.omnichannel.messaging.conversation.service;

import dev.omnichannel.shared.events.Channel;
import dev.omnichannel.shared.http.ForwardedHeaders;
import dev.omnichannel.shared.problem.ProblemException;

/** The channel a reply was written on, from the gateway's {@code X-Channel} (web when absent). */
public final class ReplyChannel {

    private ReplyChannel() {
    }

    public static String of(String header) {
        if (header == null || header.isBlank()) {
            return Channel.WEB.wireName();
        }
        try {
            return Channel.fromWireName(header.trim()).wireName();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(ForwardedHeaders.CHANNEL, "unknown channel " + header);
        }
    }
}

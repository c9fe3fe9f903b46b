package dev.omnichannel.inventory.support;

import dev.omnichannel.shared.events.Channel;
import dev.omnichannel.shared.http.ForwardedHeaders;
import dev.omnichannel.shared.problem.ProblemException;
import jakarta.ws.rs.HeaderParam;

/**
 * What the gateway tells a service about the call: the caller's channel, who acts, and the
 * caller's Idempotency-Key. Read as a {@code @BeanParam} on each mutation.
 */
public class Caller {

    @HeaderParam(ForwardedHeaders.CHANNEL)
    String channel;

    @HeaderParam(ForwardedHeaders.ACTOR)
    String actor;

    @HeaderParam(ForwardedHeaders.IDEMPOTENCY_KEY)
    String idempotencyKey;

    public Caller() {
    }

    private Caller(String channel, String actor, String idempotencyKey) {
        this.channel = channel;
        this.actor = actor;
        this.idempotencyKey = idempotencyKey;
    }

    /** Work the service does on its own (expiry job, demo data). */
    public static Caller system(String actor) {
        return new Caller(null, actor, null);
    }

    /** The channel's wire name, or null when the gateway did not say; an unknown channel is a 400. */
    public String channel() {
        if (channel == null || channel.isBlank()) {
            return null;
        }
        try {
            return Channel.fromWireName(channel.trim()).wireName();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(ForwardedHeaders.CHANNEL, "unknown channel");
        }
    }

    public String actor() {
        return actor == null || actor.isBlank() ? null : actor.trim();
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    /** The idempotency scope of an operation: keys of different callers never collide. */
    public String scope(String operation) {
        return operation + "|" + (actor() == null ? "-" : actor());
    }
}

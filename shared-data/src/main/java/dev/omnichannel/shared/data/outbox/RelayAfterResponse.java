package dev.omnichannel.shared.data.outbox;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Relays the events an HTTP request wrote as soon as its response is ready: the request's
 * transaction ({@code @WithTransaction} around the resource or service method) has committed by
 * then, so the relay finds them without waiting for its next tick.
 */
public class RelayAfterResponse {

    private final OutboxRelay relay;

    RelayAfterResponse(OutboxRelay relay) {
        this.relay = relay;
    }

    @ServerResponseFilter
    public void relayWhatTheRequestWrote() {
        if (relay.wroteEventsHere()) {
            relay.drain();
        }
    }
}

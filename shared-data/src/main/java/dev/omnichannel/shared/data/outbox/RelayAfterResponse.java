package dev.omnichannel.shared.data.outbox;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Relays the events an HTTP request wrote as soon as its response is ready: the request's
 * transaction ({@code @WithTransaction} around the resource or service method) has committed by
 * then, so the relay finds them without draining every few milliseconds meanwhile. What the request
 * writes after its response (work it left running) is relayed as other writers' events are.
 */
public class RelayAfterResponse {

    private final OutboxRelay relay;

    RelayAfterResponse(OutboxRelay relay) {
        this.relay = relay;
    }

    @ServerRequestFilter
    public void relayWithTheResponse() {
        relay.relayedWithResponseHere(true);
    }

    @ServerResponseFilter
    public void relayWhatTheRequestWrote() {
        relay.relayedWithResponseHere(false);
        if (relay.wroteEventsHere()) {
            relay.drain();
        }
    }
}

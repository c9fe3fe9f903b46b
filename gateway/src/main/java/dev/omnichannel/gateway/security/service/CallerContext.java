package dev.omnichannel.gateway.security.service;

import dev.omnichannel.gateway.security.domain.Caller;
import dev.omnichannel.gateway.security.rest.CallerFilter;
import dev.omnichannel.shared.events.Channel;
import dev.omnichannel.shared.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;

/**
 * The caller of the current request ({@link CallerFilter} fills it before any resource runs), the
 * {@code Idempotency-Key} it sent, and — for customers — its customer id, resolved once per
 * subject by {@link CustomerDirectory}.
 */
@RequestScoped
public class CallerContext {

    private final CustomerDirectory directory;
    private Caller caller = Caller.anonymous("unknown");
    private String idempotencyKey;
    private String customerId;
    private Uni<String> resolution;

    public CallerContext(CustomerDirectory directory) {
        this.directory = directory;
    }

    public void identify(Caller caller, String idempotencyKey) {
        this.caller = caller;
        this.idempotencyKey = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey;
    }

    public Caller caller() {
        return caller;
    }

    public Channel channel() {
        return caller.channel();
    }

    /** The caller's Idempotency-Key, null when it sent none. */
    public String idempotencyKey() {
        return idempotencyKey;
    }

    /** A key for a secondary mutation done on the caller's behalf in this request, derived from its own. */
    public String idempotencyKey(String purpose) {
        return idempotencyKey == null ? null : idempotencyKey + ":" + purpose;
    }

    /** The customer id of a customer caller, found or created from the token's subject on first call. */
    public Uni<String> customerId() {
        if (resolution == null) {
            if (!caller.isCustomer()) {
                return Uni.createFrom().failure(ProblemException.forbidden("Only customers have a profile"));
            }
            resolution = directory.customerIdOf(caller.subject(), caller)
                    .invoke(id -> customerId = id)
                    .memoize().indefinitely();
        }
        return resolution;
    }

    /** The {@code X-Actor} the services record: who acts, as services-api.md spells it. */
    public String actor() {
        if (caller.isAnonymous()) {
            return null;
        }
        if (caller.isAdmin()) {
            return "admin:" + caller.subject();
        }
        if (caller.isStaff()) {
            return "staff:" + caller.subject() + (caller.hasStore() ? "@" + caller.storeId() : "");
        }
        if (caller.isKiosk()) {
            return "kiosk:" + caller.storeId();
        }
        return customerId == null ? null : "customer:" + customerId;
    }
}

package dev.omnichannel.gateway.security.domain;

import dev.omnichannel.shared.events.Channel;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, read once per request from the validated token: its client ({@code azp}) gives
 * the channel, never a header the caller could forge.
 *
 * @param subject  the token's {@code sub}; null for an anonymous caller
 * @param clientId the token's {@code azp}
 * @param storeId  the {@code store_id} claim of kiosks and store staff
 * @param address  the remote address, the identity of anonymous callers for rate limiting
 */
public record Caller(String subject, String clientId, Channel channel, Set<String> roles, String storeId,
        String email, boolean emailVerified, String name, String address) {

    public static final String CUSTOMER = "customer";
    public static final String KIOSK = "kiosk";
    public static final String STAFF = "staff";
    public static final String ADMIN = "admin";

    public static Caller anonymous(String address) {
        return new Caller(null, null, null, Set.of(), null, null, false, null, address);
    }

    /** Where a verified token's caller is kept on its identity, read once for all its requests. */
    public static final String ATTRIBUTE = Caller.class.getName();

    public static Caller of(SecurityIdentity identity, String address) {
        if (identity.getAttribute(ATTRIBUTE) instanceof Caller known) {
            return known.at(address);
        }
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return anonymous(address);
        }
        String clientId = token.getClaim("azp");
        String storeId = token.getClaim("store_id");
        Boolean verified = token.getClaim("email_verified");
        return new Caller(token.getSubject(), clientId, channelOf(clientId, storeId), Set.copyOf(identity.getRoles()),
                storeId, token.getClaim("email"), Boolean.TRUE.equals(verified), token.getClaim("name"), address);
    }

    /** The same caller, calling from this address. */
    public Caller at(String from) {
        return new Caller(subject, clientId, channel, roles, storeId, email, emailVerified, name, from);
    }

    /** The channel of a realm client; null for a client that is no channel of ours. */
    static Channel channelOf(String clientId, String storeId) {
        if (clientId == null) {
            return null;
        }
        return switch (clientId) {
            case "storefront" -> Channel.WEB;
            case "mobile-app" -> Channel.MOBILE;
            case "kiosk" -> Channel.KIOSK;
            case "backoffice" -> storeId == null || storeId.isBlank() ? Channel.CALL_CENTER : Channel.STORE;
            default -> null;
        };
    }

    public boolean isAnonymous() {
        return subject == null;
    }

    public boolean isCustomer() {
        return roles.contains(CUSTOMER);
    }

    public boolean isKiosk() {
        return roles.contains(KIOSK);
    }

    public boolean isStaff() {
        return roles.contains(STAFF);
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }

    public boolean hasStore() {
        return storeId != null && !storeId.isBlank();
    }

    /** How the caller is named in logs: client and subject, and the store when bound to one. */
    public String describe() {
        if (isAnonymous()) {
            return "anonymous@" + address;
        }
        return clientId + ":" + subject + (hasStore() ? "@" + storeId : "") + " " + roles;
    }
}

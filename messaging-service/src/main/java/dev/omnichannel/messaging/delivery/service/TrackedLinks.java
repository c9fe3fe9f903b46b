package dev.omnichannel.messaging.delivery.service;

import dev.omnichannel.messaging.config.MessagingConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/** Unguessable tokens (256 random bits) for open pixels and click redirects: {@code /t/{token}}. */
@ApplicationScoped
public class TrackedLinks {

    public static final String OPEN = "open";
    public static final String CLICK = "click";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MessagingConfig config;

    TrackedLinks(MessagingConfig config) {
        this.config = config;
    }

    /** Creates a token in the caller's transaction and answers its public URL. */
    public Uni<String> create(UUID notificationId, String channel, String kind, String target) {
        String token = newToken();
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "INSERT INTO tracked_link (token, notification_id, channel, kind, target) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, token).setParameter(2, notificationId).setParameter(3, channel)
                .setParameter(4, kind).setParameter(5, target)
                .executeUpdate())
                .replaceWith(config.trackingUrl().replaceAll("/+$", "") + "/t/" + token);
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

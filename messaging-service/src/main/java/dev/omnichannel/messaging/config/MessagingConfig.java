package dev.omnichannel.messaging.config;

import dev.omnichannel.messaging.support.MessageChannel;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Settings of sending, tracking and webhooks ({@code omni.messaging.*}). */
@ConfigMapping(prefix = "omni.messaging")
public interface MessagingConfig {

    /** Channels tried after the customer's preferred one, in this order; the in-app inbox always comes last. */
    @WithDefault("email,sms,push,whatsapp")
    List<MessageChannel> fallbackOrder();

    Retry retry();

    Dispatch dispatch();

    /** Base URL of this service as the outside world reaches {@code /t/{token}} (open pixels, click redirects). */
    @WithDefault("http://localhost:8083")
    String trackingUrl();

    /** Base URL of the storefront, where clicked links lead. */
    @WithDefault("http://localhost:8080")
    String storefrontUrl();

    /** Base of the mobile app's deep links. */
    @WithDefault("omnichannel://")
    String appLinkBase();

    /** A message sent within this time before a reservation or order is credited with it. */
    @WithDefault("P7D")
    Duration attributionWindow();

    /** Whether to load the default templates (every trigger, en and fr, every channel) into an empty table at start. */
    @WithDefault("false")
    boolean seedTemplates();

    /** HMAC-SHA256 secret of each provider's webhooks, per channel (email, sms, push, whatsapp, social). */
    Map<String, String> webhookSecrets();

    interface Retry {
        /** Attempts on one channel before falling back to the next one. */
        @WithDefault("3")
        int maxAttempts();

        @WithDefault("PT10S")
        Duration initialBackoff();

        @WithDefault("PT10M")
        Duration maxBackoff();
    }

    interface Dispatch {
        /** How often each replica looks for due notifications (read by the scheduler). */
        @WithDefault("1s")
        String interval();

        @WithDefault("50")
        int batchSize();

        /** How long a claimed notification stays with the replica that claimed it; past it, another may take it over. */
        @WithDefault("PT2M")
        Duration lease();

        /** How long a notification waits for its customer's first snapshot before going to the inbox alone. */
        @WithDefault("PT1M")
        Duration unknownRecipientGrace();
    }
}

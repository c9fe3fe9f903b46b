package dev.omnichannel.inventory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The settings a platform team may change (each is also an environment variable, e.g. OMNI_INVENTORY_HOLDS_CART_DURATION). */
@ConfigMapping(prefix = "omni.inventory")
public interface InventoryConfig {

    Holds holds();

    Expiry expiry();

    interface Holds {

        /** A hold made while the items sit in a cart: minutes. */
        Hold cart();

        /** A click and collect hold: days, with a pickup window opening after the store prepared it. */
        ClickAndCollect clickAndCollect();

        /**
         * The longest a new hold waits for a stock row another hold has locked; past it, 503 with
         * Retry-After (a hold keeps a row locked for well under a millisecond: only a queue of them waits).
         */
        @WithDefault("2s")
        Duration lockTimeout();
    }

    interface Hold {

        /** How long a new hold lasts. */
        Duration duration();

        /** The longest a hold may last from its creation, extensions included. */
        Duration maxDuration();

        /** How long before expiry the {@code reservation.expiring} event is sent. */
        Duration expiringNotice();
    }

    interface ClickAndCollect extends Hold {

        /** Time the store needs before the customer may come: the pickup window opens after it. */
        @WithDefault("PT2H")
        Duration preparation();
    }

    interface Expiry {

        /** How often each replica runs the expiry job ({@code @Scheduled} syntax, e.g. 30s). */
        String every();

        /** How many reservations one run of the expiry job claims per transaction. */
        @WithDefault("200")
        int batchSize();
    }
}

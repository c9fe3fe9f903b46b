package dev.omnichannel.shared.http;

/**
 * Headers the gateway sets on its calls to the services. Services trust them only because the
 * caller carries the {@code service} role (the gateway's own client-credentials token).
 */
public final class ForwardedHeaders {

    /** The caller's channel: web, mobile, kiosk, store or call-center. */
    public static final String CHANNEL = "X-Channel";
    /** Who acts: {@code customer:<id>}, {@code staff:<subject>}, {@code kiosk:<storeId>} or {@code admin:<subject>}. */
    public static final String ACTOR = "X-Actor";
    /** Retries with the same key return the first result and change nothing. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private ForwardedHeaders() {
    }
}

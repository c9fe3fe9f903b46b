package dev.omnichannel.gateway.client;

/**
 * Marks the failure of a mutation the caller sent without an {@code Idempotency-Key}: repeating it
 * could do it twice, so {@code @Retry} aborts on it. Unwrapped before it reaches the caller.
 */
public class NotRetriedException extends RuntimeException {

    public NotRetriedException(Throwable cause) {
        super(cause.getMessage(), cause);
    }
}

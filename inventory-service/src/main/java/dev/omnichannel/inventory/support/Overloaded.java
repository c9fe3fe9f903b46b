package dev.omnichannel.inventory.support;

/**
 * Too many holds at once: the queue of holds is full, or a hot stock row stayed locked longer
 * than a hold may wait. Answered at once with 503 and {@code Retry-After}, never after seconds.
 */
public class Overloaded extends RuntimeException {

    public Overloaded(String message) {
        super(message, null, false, false);
    }
}

package dev.omnichannel.messaging.support;

import java.util.List;

/** A page of a list, as every service answers lists. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 100;

    public static int size(Integer requested) {
        if (requested == null || requested <= 0) {
            return 20;
        }
        return Math.min(requested, MAX_SIZE);
    }

    public static int page(Integer requested) {
        return requested == null || requested < 0 ? 0 : requested;
    }
}

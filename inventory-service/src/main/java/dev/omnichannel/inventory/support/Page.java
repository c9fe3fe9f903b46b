package dev.omnichannel.inventory.support;

import java.util.List;
import java.util.function.Function;

/** A page of a list, as every service answers lists: {@code {"items":[…],"page":0,"size":20,"total":n}}. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 100;

    public <R> Page<R> map(Function<T, R> mapping) {
        return new Page<>(items.stream().map(mapping).toList(), page, size, total);
    }
}

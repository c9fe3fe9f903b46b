package dev.omnichannel.customer.support;

import java.util.List;

/** A page of a list, as every service answers it. */
public record Page<T>(List<T> items, int page, int size, long total) {
}

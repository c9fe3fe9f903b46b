package dev.omnichannel.inventory.review.rest;

import dev.omnichannel.inventory.review.domain.ReviewView;
import java.math.BigDecimal;
import java.util.List;

/** A page of a product's visible reviews, newest first, with their {@code average} and {@code total} count. */
public record ReviewPage(List<ReviewView> items, int page, int size, long total, BigDecimal average) {
}

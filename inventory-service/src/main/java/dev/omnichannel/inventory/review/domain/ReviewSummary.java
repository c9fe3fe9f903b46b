package dev.omnichannel.inventory.review.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * The visible reviews of a product, in its answer: {@code average} rating to one decimal (null when
 * there is none), {@code count}, and on a single product the {@code latest} ones, newest first.
 */
public record ReviewSummary(BigDecimal average, long count,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ReviewView> latest) {

    public static final ReviewSummary NONE = new ReviewSummary(null, 0, null);

    public ReviewSummary withLatest(List<ReviewView> reviews) {
        return new ReviewSummary(average, count, reviews);
    }
}

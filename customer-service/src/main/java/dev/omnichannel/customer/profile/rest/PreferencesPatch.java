package dev.omnichannel.customer.profile.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A partial update: null fields are left as they are. {@code quietHours} with both times null
 * ({@code {}}) removes the quiet hours.
 */
public record PreferencesPatch(
        @Size(max = 16) String preferredChannel,
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "a store id such as paris-louvre") String preferredStoreId,
        @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})?", message = "a language tag such as fr or en-GB") String language,
        @Size(max = 64) String timeZone,
        @Valid QuietHours quietHours) {

    public record QuietHours(
            @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "a local time HH:mm") String start,
            @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "a local time HH:mm") String end) {
    }
}

package dev.omnichannel.gateway.customer.rest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/** The bodies of the customer routes, validated before anything is forwarded. */
public final class Requests {

    private Requests() {
    }

    /** {@code PATCH /me/preferences}: only the fields given change. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PreferencesChange(
            @Pattern(regexp = "email|sms|push|whatsapp") String preferredChannel,
            String preferredStoreId,
            @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?") String language,
            String timeZone,
            @Valid QuietHours quietHours) {
    }

    /** Local {@code HH:mm} times, both or neither: {@code {}} removes the quiet hours. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuietHours(
            @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d") String start,
            @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d") String end) {

        @JsonIgnore
        @AssertTrue(message = "give both start and end, or neither")
        public boolean isBothOrNeither() {
            return (start == null) == (end == null);
        }
    }

    public record ConsentChange(@NotNull Boolean granted) {
    }

    /** 0 removes the line; a line holds at most 99. */
    public record CartQuantity(@NotNull @PositiveOrZero @Max(99) Integer quantity) {
    }

    public record GuestCartMerge(@NotBlank String cartId, @NotBlank String cartToken) {
    }

    public record ProfileMerge(@NotBlank String duplicateId) {
    }
}

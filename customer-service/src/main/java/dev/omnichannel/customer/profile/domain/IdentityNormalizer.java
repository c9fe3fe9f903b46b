package dev.omnichannel.customer.profile.domain;

import dev.omnichannel.shared.problem.FieldError;
import dev.omnichannel.shared.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns a (type, value, provider) as a caller wrote it into the one form stored, so that
 * {@code 06 12 34 56 78} and {@code +33612345678} are the same identity. Invalid input is a 400.
 */
@ApplicationScoped
public class IdentityNormalizer {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    private static final Pattern LOYALTY = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,31}");
    private static final Pattern DEVICE = Pattern.compile("[\\x21-\\x7e]{8,512}");
    private static final Pattern OIDC = Pattern.compile("[\\x21-\\x7e]{1,255}");
    private static final Pattern HANDLE = Pattern.compile("@[a-z0-9._-]{1,64}");
    private static final Pattern PROVIDER = Pattern.compile("[a-z0-9][a-z0-9.-]{1,63}");

    private final String defaultCountryCode;

    IdentityNormalizer(@ConfigProperty(name = "omni.phone.default-country-code", defaultValue = "33") String defaultCountryCode) {
        this.defaultCountryCode = defaultCountryCode;
    }

    public IdentityKey normalise(String type, String value, String provider) {
        IdentityType identityType = IdentityType.of(type == null ? null : type.trim().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> ProblemException.badRequest("type",
                        "unknown identity type; one of " + String.join(", ", IdentityType.NAMES)));
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest("value", "must not be blank");
        }
        String trimmed = value.trim();
        List<FieldError> errors = new ArrayList<>();
        String normalised = switch (identityType) {
            case OIDC -> check(trimmed, OIDC, "an OIDC subject of at most 255 visible characters", errors);
            case EMAIL -> trimmed.length() <= 254
                    ? check(trimmed.toLowerCase(Locale.ROOT), EMAIL, "not an email address", errors)
                    : check("", EMAIL, "not an email address", errors);
            case PHONE -> PhoneNumbers.toE164(trimmed, defaultCountryCode).orElseGet(() -> {
                errors.add(new FieldError("value", "not a valid phone number (international form, e.g. +33612345678)"));
                return null;
            });
            case LOYALTY -> check(trimmed.toUpperCase(Locale.ROOT), LOYALTY, "a loyalty card number of 3 to 32 letters, digits or '-'", errors);
            case DEVICE -> check(trimmed, DEVICE, "a device id or push token of 8 to 512 visible characters", errors);
            case SOCIAL -> check(handle(trimmed), HANDLE, "a social handle such as @alice.m", errors);
        };
        String normalisedProvider = "";
        if (identityType == IdentityType.SOCIAL) {
            normalisedProvider = provider == null ? "" : provider.trim().toLowerCase(Locale.ROOT);
            if (!PROVIDER.matcher(normalisedProvider).matches()) {
                errors.add(new FieldError("provider", "the social network (e.g. instagram) is required for a social identity"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("Invalid " + identityType.wireName() + " identity", errors);
        }
        return new IdentityKey(identityType, normalised, normalisedProvider);
    }

    /** Parses the {@code type:value} form of look-ups ({@code phone:+33612345678}, {@code social:instagram:@alice.m}). */
    public IdentityKey parse(String typeAndValue) {
        int colon = typeAndValue == null ? -1 : typeAndValue.indexOf(':');
        if (colon <= 0) {
            throw ProblemException.badRequest("identity", "expected type:value, e.g. email:alice@example.com");
        }
        String type = typeAndValue.substring(0, colon);
        String rest = typeAndValue.substring(colon + 1);
        if ("social".equalsIgnoreCase(type.trim())) {
            int second = rest.indexOf(':');
            if (second <= 0) {
                throw ProblemException.badRequest("identity", "expected social:provider:handle, e.g. social:instagram:@alice.m");
            }
            return normalise(type, rest.substring(second + 1), rest.substring(0, second));
        }
        return normalise(type, rest, null);
    }

    private static String handle(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.startsWith("@") ? lower : "@" + lower;
    }

    private static String check(String value, Pattern pattern, String message, List<FieldError> errors) {
        if (!pattern.matcher(value).matches()) {
            errors.add(new FieldError("value", message));
        }
        return value;
    }
}

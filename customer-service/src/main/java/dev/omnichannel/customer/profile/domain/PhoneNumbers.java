package dev.omnichannel.customer.profile.domain;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Normalises phone numbers to E.164 ({@code +33612345678}). Accepts international forms
 * ({@code +33 6 12 34 56 78}, {@code 0033 6...}, {@code +33 (0)6...}) and national forms with a
 * trunk prefix ({@code 06 12 34 56 78}) in the default country. Numbers of the countries listed
 * below must have their national length; others only the E.164 bounds (8 to 15 digits).
 */
public final class PhoneNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-/()]");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    /** Country calling code -> {min, max} digits of the national significant number. */
    private static final Map<String, int[]> NATIONAL_LENGTHS = Map.ofEntries(
            Map.entry("1", new int[] { 10, 10 }),    // NANP
            Map.entry("33", new int[] { 9, 9 }),     // France
            Map.entry("32", new int[] { 8, 9 }),     // Belgium
            Map.entry("41", new int[] { 9, 9 }),     // Switzerland
            Map.entry("352", new int[] { 6, 11 }),   // Luxembourg
            Map.entry("44", new int[] { 9, 10 }),    // United Kingdom
            Map.entry("49", new int[] { 6, 13 }),    // Germany
            Map.entry("34", new int[] { 9, 9 }),     // Spain
            Map.entry("39", new int[] { 6, 11 }),    // Italy
            Map.entry("351", new int[] { 9, 9 }),    // Portugal
            Map.entry("31", new int[] { 9, 9 }));    // Netherlands

    private PhoneNumbers() {
    }

    /** The E.164 form, or empty when the text is not a valid phone number. */
    public static Optional<String> toE164(String text, String defaultCountryCode) {
        if (text == null) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(text.trim().replace("(0)", "")).replaceAll("");
        String international;
        if (compact.startsWith("+")) {
            international = compact.substring(1);
        } else if (compact.startsWith("00")) {
            international = compact.substring(2);
        } else if (compact.startsWith("0") && defaultCountryCode != null) {
            international = defaultCountryCode + compact.substring(1);
        } else {
            return Optional.empty();
        }
        if (!DIGITS.matcher(international).matches() || international.startsWith("0")
                || international.length() < 8 || international.length() > 15) {
            return Optional.empty();
        }
        return countryCode(international)
                .map(code -> nationalLengthFits(international.substring(code.length()), NATIONAL_LENGTHS.get(code)))
                .orElse(true)
                ? Optional.of("+" + international)
                : Optional.empty();
    }

    private static Optional<String> countryCode(String digits) {
        for (int length = 1; length <= 3; length++) {
            String candidate = digits.substring(0, length);
            if (NATIONAL_LENGTHS.containsKey(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean nationalLengthFits(String national, int[] bounds) {
        return !national.startsWith("0") && national.length() >= bounds[0] && national.length() <= bounds[1];
    }
}

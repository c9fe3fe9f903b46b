package dev.omnichannel.customer.profile.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * Normalises phone numbers to E.164 ({@code +33612345678}) with Google's libphonenumber: international
 * forms ({@code +33 6 12 34 56 78}, {@code 0033 6...}, {@code +33 (0)6...}) and national forms of the
 * default country with their trunk prefix ({@code 06 12 34 56 78}); a number must be valid for its
 * country's numbering plan. An international number is taken as written: {@code +330612345678} is
 * refused rather than guessed, as is a national number without its trunk prefix.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** The E.164 form, or empty when the text is not a valid phone number. */
    public static Optional<String> toE164(String text, String defaultCountryCode) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String region = defaultCountryCode == null ? "ZZ" : UTIL.getRegionCodeForCountryCode(parseCode(defaultCountryCode));
        String written = text.replace("(0)", "").replaceAll("[\\s.\\-/()]", "");
        String international = written.startsWith("+") ? written : written.startsWith("00") ? "+" + written.substring(2) : null;
        if (international == null && !written.startsWith("0")) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(written, region);
            String e164 = UTIL.format(number, PhoneNumberFormat.E164);
            boolean asWritten = international == null || international.equals(e164);
            return UTIL.isValidNumber(number) && asWritten ? Optional.of(e164) : Optional.empty();
        } catch (NumberParseException notANumber) {
            return Optional.empty();
        }
    }

    private static int parseCode(String countryCode) {
        try {
            return Integer.parseInt(countryCode.replace("+", ""));
        } catch (NumberFormatException notACode) {
            return 0;
        }
    }
}

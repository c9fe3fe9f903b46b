package dev.omnichannel.customer.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omnichannel.customer.profile.domain.PhoneNumbers;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource({
            "+33612345678, +33612345678",
            "+33 6 12 34 56 78, +33612345678",
            "06 12 34 56 78, +33612345678",
            "06.12.34.56.78, +33612345678",
            "0033 6 12 34 56 78, +33612345678",
            "+33 (0)6 12 34 56 78, +33612345678",
            "+1 (415) 555-2671, +14155552671",
            "+44 20 7946 0958, +442079460958",
            "+81 3-1234-5678, +81312345678" })
    void valid_numbers_become_e164(String written, String e164) {
        assertEquals(Optional.of(e164), PhoneNumbers.toE164(written, "33"));
    }

    @ParameterizedTest
    @CsvSource({ "12345", "+33 6 12 34 56", "+33 6 12 34 56 78 9", "+330612345678", "612345678", "+0 123456789",
            "+33 6 12 34 56 7a", "+1234567890123456", "''",
            // the right length, outside the numbering plan: a North American exchange never starts with 1
            "+1 415 123 4567" })
    void invalid_numbers_are_refused(String written) {
        assertEquals(Optional.empty(), PhoneNumbers.toE164(written, "33"));
    }
}

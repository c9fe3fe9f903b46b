package dev.omnichannel.messaging.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.messaging.template.service.SmsLength;
import org.junit.jupiter.api.Test;

class SmsLengthTest {

    @Test
    void a_gsm_text_of_160_characters_is_one_segment_and_161_are_two() {
        assertEquals(new SmsLength.Measure("GSM-7", 160, 1), SmsLength.measure("a".repeat(160)));
        assertEquals(2, SmsLength.measure("a".repeat(161)).segments());
    }

    @Test
    void long_gsm_texts_are_cut_in_parts_of_153_and_at_most_three_fit() {
        assertTrue(SmsLength.measure("é".repeat(459)).fits());
        assertEquals(4, SmsLength.measure("e".repeat(460)).segments());
        assertFalse(SmsLength.measure("e".repeat(460)).fits());
    }

    @Test
    void extension_characters_count_twice() {
        assertEquals(160, SmsLength.measure("€".repeat(80)).units());
        assertEquals(2, SmsLength.measure("€".repeat(81)).segments());
    }

    @Test
    void one_character_outside_the_gsm_alphabet_makes_it_ucs2_with_70_per_segment() {
        String withCedilla = "ç" + "a".repeat(69);
        assertEquals(new SmsLength.Measure("UCS-2", 70, 1), SmsLength.measure(withCedilla));
        assertEquals(2, SmsLength.measure(withCedilla + "a").segments());
        assertTrue(SmsLength.measure("ê".repeat(201)).fits());
        assertFalse(SmsLength.measure("ê".repeat(202)).fits());
    }

    @Test
    void an_emoji_takes_two_ucs2_units() {
        assertEquals(2, SmsLength.measure("🙂").units());
    }
}

package dev.omnichannel.messaging.notification;

import static dev.omnichannel.messaging.support.MessageChannel.EMAIL;
import static dev.omnichannel.messaging.support.MessageChannel.IN_APP;
import static dev.omnichannel.messaging.support.MessageChannel.PUSH;
import static dev.omnichannel.messaging.support.MessageChannel.SMS;
import static dev.omnichannel.messaging.support.MessageChannel.WHATSAPP;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omnichannel.messaging.notification.service.ChannelPolicy;
import dev.omnichannel.messaging.recipient.domain.Recipient;
import dev.omnichannel.messaging.recipient.domain.RecipientAddresses;
import dev.omnichannel.messaging.support.MessageChannel;
import dev.omnichannel.messaging.template.domain.TemplateDefinition;
import dev.omnichannel.messaging.template.domain.VariantContent;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChannelPolicyTest {

    private static final List<MessageChannel> FALLBACK = List.of(EMAIL, SMS, PUSH, WHATSAPP);
    private static final TemplateDefinition EVERY_CHANNEL = template(EMAIL, SMS, PUSH, WHATSAPP, IN_APP);

    private static TemplateDefinition template(MessageChannel... channels) {
        Map<String, Map<String, VariantContent>> variants = new LinkedHashMap<>();
        for (MessageChannel channel : channels) {
            variants.put(channel.wireName(), Map.of("en", new VariantContent("s", "h", "t", "t", "b", "d")));
        }
        return new TemplateDefinition(false, "en", List.copyOf(variants.keySet()), List.of("en"), null, variants);
    }

    private static Recipient recipient(MessageChannel preferred, Map<MessageChannel, Boolean> consents, boolean withDevice) {
        return new Recipient("c1", "Jane", Optional.ofNullable(preferred), "en", ZoneOffset.UTC, null, null, consents,
                new RecipientAddresses(List.of("jane@example.com"), List.of("+33600000000"),
                        withDevice ? List.of("token") : List.of(), List.of()));
    }

    @Test
    void the_preferred_channel_comes_first_then_the_fallback_order_and_the_inbox_last() {
        Recipient jane = recipient(SMS, Map.of(EMAIL, true, SMS, true, PUSH, true, WHATSAPP, true), true);
        assertEquals(List.of(SMS, EMAIL, PUSH, WHATSAPP, IN_APP),
                ChannelPolicy.candidates(Optional.of(jane), EVERY_CHANNEL, Set.of(), FALLBACK));
    }

    @Test
    void a_channel_without_consent_is_never_used_even_if_preferred() {
        Recipient jane = recipient(EMAIL, Map.of(EMAIL, false, SMS, true, PUSH, false, WHATSAPP, false), true);
        assertEquals(List.of(SMS, IN_APP), ChannelPolicy.candidates(Optional.of(jane), EVERY_CHANNEL, Set.of(), FALLBACK));
    }

    @Test
    void a_channel_without_address_is_skipped() {
        Recipient jane = recipient(PUSH, Map.of(EMAIL, false, SMS, false, PUSH, true, WHATSAPP, false), false);
        assertEquals(List.of(IN_APP), ChannelPolicy.candidates(Optional.of(jane), EVERY_CHANNEL, Set.of(), FALLBACK));
    }

    @Test
    void failed_channels_and_channels_the_template_lacks_are_skipped() {
        Recipient jane = recipient(SMS, Map.of(EMAIL, true, SMS, true, PUSH, true, WHATSAPP, true), true);
        assertEquals(List.of(EMAIL, WHATSAPP),
                ChannelPolicy.candidates(Optional.of(jane), template(EMAIL, SMS, WHATSAPP), Set.of("sms"), FALLBACK));
    }

    @Test
    void an_unknown_customer_only_gets_the_inbox() {
        assertEquals(List.of(IN_APP), ChannelPolicy.candidates(Optional.empty(), EVERY_CHANNEL, Set.of(), FALLBACK));
    }
}

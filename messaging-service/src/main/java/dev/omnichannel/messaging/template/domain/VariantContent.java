package dev.omnichannel.messaging.template.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.omnichannel.messaging.template.service.ChannelFields;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The wording of one channel in one language; which fields a channel needs is {@link ChannelFields}'s rule.
 * Every field is a Qute template rendered from the notification's data.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record VariantContent(String subject, String html, String text, String title, String body, String deepLink) {
}

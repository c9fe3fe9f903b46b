package dev.omnichannel.messaging.template.domain;

import dev.omnichannel.messaging.support.MessageChannel;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A validated template as stored (JSON in {@code template.definition}) and used for sending. */
@RegisterForReflection
public record TemplateDefinition(
        boolean critical,
        String defaultLanguage,
        List<String> channels,
        List<String> languages,
        Map<String, Object> sample,
        Map<String, Map<String, VariantContent>> variants) {

    public boolean declares(MessageChannel channel) {
        return channels.contains(channel.wireName());
    }

    /** The variant of a channel in the customer's language, else in the default language. */
    public Optional<VariantContent> variant(MessageChannel channel, String language) {
        Map<String, VariantContent> byLanguage = variants.get(channel.wireName());
        if (byLanguage == null || !declares(channel)) {
            return Optional.empty();
        }
        return Optional.ofNullable(byLanguage.get(language(language)));
    }

    public String language(String wanted) {
        if (wanted != null) {
            if (languages.contains(wanted)) {
                return wanted;
            }
            String base = wanted.split("[-_]")[0];
            if (languages.contains(base)) {
                return base;
            }
        }
        return defaultLanguage;
    }
}

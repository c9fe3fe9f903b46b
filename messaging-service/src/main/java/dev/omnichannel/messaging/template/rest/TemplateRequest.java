package dev.omnichannel.messaging.template.rest;

import dev.omnichannel.messaging.template.domain.VariantContent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;

/**
 * {@code PUT /templates/{key}}: one message, a variant per channel and language.
 *
 * @param channels        the channels this message goes on; each needs a variant in every language (default: those of {@code variants})
 * @param defaultLanguage used for customers whose language has no variant (default {@code en} when present)
 * @param sample          data the variants are rendered with at save time (SMS length); without it, each
 *                        expression counts as its own text
 * @param variants        channel -> language -> wording
 */
@RegisterForReflection
public record TemplateRequest(
        Boolean critical,
        String defaultLanguage,
        List<String> channels,
        Map<String, Object> sample,
        @NotNull Map<String, Map<String, VariantContent>> variants) {
}

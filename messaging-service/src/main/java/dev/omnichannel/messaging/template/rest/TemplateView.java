package dev.omnichannel.messaging.template.rest;

import dev.omnichannel.messaging.template.domain.VariantContent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A stored template as {@code GET /templates/{key}} answers it. */
@RegisterForReflection
public record TemplateView(
        String key,
        boolean critical,
        String defaultLanguage,
        List<String> channels,
        List<String> languages,
        Map<String, Object> sample,
        Map<String, Map<String, VariantContent>> variants,
        long version,
        Instant updatedAt) {
}

package dev.omnichannel.messaging.template.service;

import dev.omnichannel.messaging.support.MessageChannel;
import dev.omnichannel.messaging.template.domain.TemplateDefinition;
import dev.omnichannel.messaging.template.domain.VariantContent;
import dev.omnichannel.messaging.template.rest.TemplateRequest;
import dev.omnichannel.shared.problem.FieldError;
import io.quarkus.qute.TemplateException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Refuses at save time what would otherwise fail at send time: a declared channel without a variant
 * in every language, a missing field, a Qute syntax error, sample data that does not render, an SMS
 * longer than three segments once rendered.
 */
@ApplicationScoped
public class TemplateValidator {

    private static final String LANGUAGE = "[a-z]{2,3}(-[A-Za-z]{2,4})?";

    private final TemplateRenderer renderer;

    TemplateValidator(TemplateRenderer renderer) {
        this.renderer = renderer;
    }

    /** The definition to store, or the fields in error. */
    public record Outcome(TemplateDefinition definition, List<FieldError> errors) {
    }

    public Outcome validate(TemplateRequest request) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Map<String, VariantContent>> variants = request.variants() == null ? Map.of() : request.variants();
        if (variants.isEmpty()) {
            errors.add(new FieldError("variants", "at least one channel needs a variant"));
        }
        variants.keySet().stream()
                .filter(channel -> MessageChannel.find(channel).isEmpty())
                .forEach(channel -> errors.add(new FieldError("variants." + channel, "unknown channel")));

        List<String> declared = request.channels() != null ? request.channels() : List.copyOf(variants.keySet());
        for (int i = 0; i < declared.size(); i++) {
            if (MessageChannel.find(declared.get(i)).isEmpty()) {
                errors.add(new FieldError("channels[" + i + "]", "unknown channel " + declared.get(i)));
            }
        }
        variants.keySet().stream()
                .filter(channel -> !declared.contains(channel) && MessageChannel.find(channel).isPresent())
                .forEach(channel -> errors.add(new FieldError("variants." + channel, "channel not declared in channels")));

        TreeSet<String> languages = new TreeSet<>();
        variants.values().forEach(byLanguage -> {
            if (byLanguage != null) {
                languages.addAll(byLanguage.keySet());
            }
        });
        languages.stream().filter(language -> !language.matches(LANGUAGE))
                .forEach(language -> errors.add(new FieldError("variants.*." + language, "not a language tag")));

        for (String channelName : declared) {
            Optional<MessageChannel> channel = MessageChannel.find(channelName);
            if (channel.isEmpty()) {
                continue;
            }
            Map<String, VariantContent> byLanguage = variants.get(channelName);
            if (byLanguage == null || byLanguage.isEmpty()) {
                errors.add(new FieldError("variants." + channelName, "missing variant for declared channel " + channelName));
                continue;
            }
            for (String language : languages) {
                VariantContent variant = byLanguage.get(language);
                String path = "variants." + channelName + "." + language;
                if (variant == null) {
                    errors.add(new FieldError(path, "missing variant: every channel needs every language of the template"));
                    continue;
                }
                checkVariant(channel.get(), path, variant, request.sample(), errors);
            }
        }

        String defaultLanguage = request.defaultLanguage() != null ? request.defaultLanguage()
                : languages.contains("en") ? "en" : languages.isEmpty() ? "en" : languages.first();
        if (!languages.isEmpty() && !languages.contains(defaultLanguage)) {
            errors.add(new FieldError("defaultLanguage", "has no variant"));
        }
        if (!errors.isEmpty()) {
            return new Outcome(null, errors);
        }
        return new Outcome(new TemplateDefinition(Boolean.TRUE.equals(request.critical()), defaultLanguage,
                List.copyOf(declared), List.copyOf(languages), request.sample(), variants), List.of());
    }

    private void checkVariant(MessageChannel channel, String path, VariantContent variant, Map<String, Object> sample,
            List<FieldError> errors) {
        Map<String, String> fields = ChannelFields.of(variant);
        for (String required : ChannelFields.required(channel)) {
            String value = fields.get(required);
            if (value == null || value.isBlank()) {
                errors.add(new FieldError(path + "." + required, "required for " + channel.wireName()));
            }
        }
        fields.forEach((name, content) -> {
            String fieldPath = path + "." + name;
            try {
                renderer.check(name, content);
            } catch (TemplateException e) {
                errors.add(new FieldError(fieldPath, "invalid template: " + firstLine(e.getMessage())));
                return;
            }
            String rendered;
            try {
                rendered = sample != null ? renderer.render(name, content, sample) : renderer.renderWithPlaceholders(name, content);
            } catch (TemplateException e) {
                errors.add(new FieldError(fieldPath, "does not render with the sample data: " + firstLine(e.getMessage())));
                return;
            }
            if (channel == MessageChannel.SMS && "text".equals(name)) {
                SmsLength.Measure measure = SmsLength.measure(rendered);
                if (!measure.fits()) {
                    errors.add(new FieldError(fieldPath, "too long for SMS: " + measure.units() + " " + measure.encoding()
                            + " characters make " + measure.segments() + " segments, at most " + SmsLength.MAX_SEGMENTS
                            + " (" + measure.maxUnits() + " characters)"));
                }
            }
        });
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}

package dev.omnichannel.messaging.template.service;

import dev.omnichannel.messaging.template.domain.VariantContent;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Expression;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ResultMapper;
import io.quarkus.qute.Results;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.TemplateNode;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders variants with Qute from one data map, so every channel says the same thing. HTML fields
 * are escaped; a value missing from the data fails the rendering (strict), except when rendering
 * without sample data, where each missing expression stands for itself (to estimate lengths).
 */
@ApplicationScoped
public class TemplateRenderer {

    private static final Variant HTML = Variant.forContentType(Variant.TEXT_HTML);
    private static final Variant TEXT = Variant.forContentType(Variant.TEXT_PLAIN);

    private final Engine strict = Engine.builder().addDefaults()
            .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
            .strictRendering(true)
            .build();
    private final Engine placeholders = Engine.builder().addDefaults()
            .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
            .addResultMapper(new ExpressionForMissingValue())
            .strictRendering(false)
            .build();
    private final Map<String, Template> parsed = new ConcurrentHashMap<>();

    /** The wording of one variant, rendered. */
    public record Rendered(String subject, String html, String text, String title, String body, String deepLink) {
    }

    /** Parses a field; a syntax error is thrown as {@link io.quarkus.qute.TemplateException}. */
    public void check(String field, String content) {
        strict.parse(content, variantOf(field));
    }

    public String render(String field, String content, Map<String, Object> data) {
        Template template = parsed.computeIfAbsent(field.equals("html") ? "html:" + content : "text:" + content,
                ignored -> strict.parse(content, variantOf(field)));
        return withData(template.instance(), data).render();
    }

    /** Renders without data: every expression is written as itself, e.g. {@code {reservation.pickupCode}}. */
    public String renderWithPlaceholders(String field, String content) {
        return placeholders.parse(content, variantOf(field)).instance().render();
    }

    public Rendered render(VariantContent variant, Map<String, Object> data) {
        return new Rendered(
                field("subject", variant.subject(), data),
                field("html", variant.html(), data),
                field("text", variant.text(), data),
                field("title", variant.title(), data),
                field("body", variant.body(), data),
                field("deepLink", variant.deepLink(), data));
    }

    private String field(String name, String content, Map<String, Object> data) {
        return content == null ? null : render(name, content, data);
    }

    private static TemplateInstance withData(TemplateInstance instance, Map<String, Object> data) {
        data.forEach(instance::data);
        return instance;
    }

    private static Variant variantOf(String field) {
        return "html".equals(field) ? HTML : TEXT;
    }

    private static final class ExpressionForMissingValue implements ResultMapper {

        @Override
        public int getPriority() {
            return 100;
        }

        @Override
        public boolean appliesTo(TemplateNode.Origin origin, Object result) {
            return Results.isNotFound(result);
        }

        @Override
        public String map(Object result, Expression expression) {
            return "{" + expression.toOriginalString() + "}";
        }
    }
}

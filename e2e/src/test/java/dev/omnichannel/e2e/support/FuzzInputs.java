package dev.omnichannel.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Hostile inputs drawn from a seeded {@link Random}: the same seed draws the same requests, so a
 * failure found once can be replayed ({@code -Dfuzz.seed=<seed>}).
 */
public final class FuzzInputs {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> WORDS = List.of("", " ", "0", "-1", "2147483648", "-9223372036854775809", "1e309",
            "NaN", "null", "true", "x", "☃🙂\u202E", "\u0000", "%00", "../../etc/passwd", "' OR 1=1--",
            "<script>alert(1)</script>", "${jndi:ldap://x}", "paris-louvre", "TENT-2P", "email", "sms");
    private static final List<String> BROKEN_BODIES = List.of("{", "}", "[", "null", "[]", "\"text\"", "123", "{\"a\":}",
            "{\"a\":1,\"a\":2}", "\uFEFF{}", "{\"__proto__\":{}}");

    private final Random random;

    public FuzzInputs(long seed) {
        this.random = new Random(seed);
    }

    public String word() {
        return switch (random.nextInt(6)) {
            case 0 -> UUID.randomUUID().toString();
            case 1 -> "x".repeat(1 + random.nextInt(5000));
            default -> WORDS.get(random.nextInt(WORDS.size()));
        };
    }

    public JsonNode value() {
        return switch (random.nextInt(8)) {
            case 0 -> JSON.getNodeFactory().numberNode(random.nextBoolean() ? Long.MAX_VALUE : -random.nextInt(1000));
            case 1 -> JSON.getNodeFactory().numberNode(random.nextDouble() * 1e12);
            case 2 -> JSON.getNodeFactory().booleanNode(random.nextBoolean());
            case 3 -> JSON.getNodeFactory().nullNode();
            case 4 -> JSON.createArrayNode().add(word()).add(random.nextInt());
            case 5 -> JSON.createObjectNode().put(word(), word());
            default -> JSON.getNodeFactory().textNode(word());
        };
    }

    /** A body for an operation whose JSON body names {@code fields}: broken, of the wrong shape or with wrong values. */
    public String body(List<String> fields) {
        int kind = random.nextInt(5);
        if (kind == 0) {
            return BROKEN_BODIES.get(random.nextInt(BROKEN_BODIES.size()));
        }
        ObjectNode body = JSON.createObjectNode();
        if (kind == 1 || fields.isEmpty()) {
            body.set(word(), value()); // unknown fields only
        } else {
            for (String field : fields) {
                if (random.nextInt(4) > 0) { // some missing
                    body.set(field, value());
                }
            }
            if (kind == 2) {
                body.set("customerId", JSON.getNodeFactory().textNode(UUID.randomUUID().toString()));
                body.set("status", JSON.getNodeFactory().textNode("COLLECTED"));
            }
        }
        return body.toString();
    }

    public String contentType() {
        return switch (random.nextInt(8)) {
            case 0 -> "text/plain";
            case 1 -> "application/xml";
            default -> "application/json";
        };
    }

    public <T> T oneOf(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}

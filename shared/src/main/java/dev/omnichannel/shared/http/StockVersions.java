package dev.omnichannel.shared.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code Omni-Stock-Versions} response header of inventory-service: the stock levels a write
 * changed, as {@code sku@location=version} pairs separated by commas. The gateway answers such a
 * write only once its stock read model holds these versions, so the caller's next availability
 * read shows the change (read your writes).
 */
public final class StockVersions {

    public static final String HEADER = "Omni-Stock-Versions";

    private StockVersions() {
    }

    public static String format(Map<String, Long> versions) {
        return versions.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    /** The pairs of a header value; malformed pairs are skipped (an absent or empty header is no pair). */
    public static Map<String, Long> parse(String header) {
        Map<String, Long> versions = new LinkedHashMap<>();
        if (header == null || header.isBlank()) {
            return versions;
        }
        for (String pair : header.split(",")) {
            int equals = pair.lastIndexOf('=');
            if (equals > 0) {
                try {
                    versions.merge(pair.substring(0, equals).trim(), Long.parseLong(pair.substring(equals + 1).trim()),
                            Math::max);
                } catch (NumberFormatException malformed) {
                    // skipped: a header we cannot read is no reason to fail a write that succeeded
                }
            }
        }
        return versions;
    }
}

package dev.omnichannel.e2e.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A scenario's figures: printed, and — when {@code ./omni chaos} names the folder
 * ({@code -Dchaos.results=reliability}) — added to {@code results.json} (which it empties first) and
 * as a row of the run's table in {@code RESULTS.md} (whose header it writes).
 */
public final class ChaosResults {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FOLDER = System.getProperty("chaos.results");

    private ChaosResults() {
    }

    /** Records one figure; answers {@code met} so a scenario can assert what it recorded. */
    public static synchronized boolean record(String what, String measured, String target, boolean met) {
        System.out.printf("chaos | %-70s | %-40s | %-30s | %s%n", what, measured, target, met ? "met" : "MISSED");
        if (FOLDER == null) {
            return met;
        }
        try {
            Path json = Path.of(FOLDER, "results.json");
            ArrayNode results = Files.exists(json) ? (ArrayNode) JSON.readTree(json.toFile()) : JSON.createArrayNode();
            ObjectNode result = results.addObject();
            result.put("what", what).put("measured", measured).put("target", target).put("met", met);
            JSON.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), results);
            Files.writeString(Path.of(FOLDER, "RESULTS.md"),
                    "| " + what + " | " + measured + " | " + target + " | " + (met ? "yes" : "**no**") + " |\n",
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return met;
    }
}

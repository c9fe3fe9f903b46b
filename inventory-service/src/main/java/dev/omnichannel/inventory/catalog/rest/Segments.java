package dev.omnichannel.inventory.catalog.rest;

import dev.omnichannel.shared.problem.ProblemException;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/** The {@code segments=vip,new} query parameter. */
final class Segments {

    private static final int MAX = 20;

    private Segments() {
    }

    static Set<String> parse(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        Set<String> segments = new TreeSet<>();
        Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(segments::add);
        if (segments.size() > MAX || segments.stream().anyMatch(s -> s.length() > 64)) {
            throw ProblemException.badRequest("segments", "at most " + MAX + " segments of 64 characters");
        }
        return segments;
    }
}

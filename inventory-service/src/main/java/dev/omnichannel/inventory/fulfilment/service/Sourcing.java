package dev.omnichannel.inventory.fulfilment.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Where the lines of an order come from. Candidates are the delivery store itself (distance 0)
 * and the locations that ship, nearest to the destination first. One location that has every
 * line wins (no split); otherwise each line takes from the nearest locations until it is complete.
 */
public final class Sourcing {

    /** A location that may supply the order; {@code distanceKm} null when the destination has no coordinates. */
    public record Candidate(String locationId, Double distanceKm, boolean warehouse) {
    }

    /** A part of a line taken at one location. */
    public record Part(String locationId, String sku, int quantity) {
    }

    /** A line no combination of candidates can supply; {@code available} counts every candidate. */
    public record Shortage(String sku, int requested, int available) {
    }

    /** Either {@code parts} (everything sourced) or {@code shortages}. */
    public record Plan(List<Part> parts, List<Shortage> shortages) {

        public boolean complete() {
            return shortages.isEmpty();
        }
    }

    /** Nearest first; without distances, warehouses first; then by id so the choice is stable. */
    static final Comparator<Candidate> NEAREST_FIRST = Comparator
            .comparing((Candidate c) -> c.distanceKm() == null ? Double.MAX_VALUE : c.distanceKm())
            .thenComparing(c -> !c.warehouse())
            .thenComparing(Candidate::locationId);

    private Sourcing() {
    }

    /**
     * @param lines     quantity per SKU
     * @param available available units per location, then per SKU
     */
    public static Plan plan(Map<String, Integer> lines, List<Candidate> candidates,
            Map<String, Map<String, Integer>> available) {
        List<Candidate> nearestFirst = candidates.stream().sorted(NEAREST_FIRST).toList();
        for (Candidate candidate : nearestFirst) {
            Map<String, Integer> there = available.getOrDefault(candidate.locationId(), Map.of());
            if (lines.entrySet().stream().allMatch(line -> there.getOrDefault(line.getKey(), 0) >= line.getValue())) {
                return new Plan(lines.entrySet().stream()
                        .map(line -> new Part(candidate.locationId(), line.getKey(), line.getValue()))
                        .toList(), List.of());
            }
        }
        List<Part> parts = new ArrayList<>();
        List<Shortage> shortages = new ArrayList<>();
        for (Map.Entry<String, Integer> line : lines.entrySet()) {
            int missing = line.getValue();
            int total = 0;
            for (Candidate candidate : nearestFirst) {
                int units = available.getOrDefault(candidate.locationId(), Map.of()).getOrDefault(line.getKey(), 0);
                total += Math.max(0, units);
                int taken = Math.min(missing, Math.max(0, units));
                if (taken > 0) {
                    parts.add(new Part(candidate.locationId(), line.getKey(), taken));
                    missing -= taken;
                }
            }
            if (missing > 0) {
                shortages.add(new Shortage(line.getKey(), line.getValue(), total));
            }
        }
        return shortages.isEmpty() ? new Plan(parts, List.of()) : new Plan(List.of(), shortages);
    }
}

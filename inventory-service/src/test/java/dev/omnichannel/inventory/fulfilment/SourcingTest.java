package dev.omnichannel.inventory.fulfilment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.omnichannel.inventory.fulfilment.service.Sourcing;
import dev.omnichannel.inventory.fulfilment.service.Sourcing.Candidate;
import dev.omnichannel.inventory.fulfilment.service.Sourcing.Part;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The sourcing rule alone: nearest first, one location for everything when there is one. */
class SourcingTest {

    private static final List<Candidate> CANDIDATES = List.of(
            new Candidate("far-warehouse", 120.0, true),
            new Candidate("near-store", 3.0, false),
            new Candidate("middle-store", 40.0, false));

    private static Map<String, Integer> lines(Object... skuAndQuantity) {
        Map<String, Integer> lines = new TreeMap<>();
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            lines.put((String) skuAndQuantity[i], (Integer) skuAndQuantity[i + 1]);
        }
        return lines;
    }

    @Test
    void the_nearest_location_with_everything_supplies_the_whole_order() {
        var plan = Sourcing.plan(lines("A", 1, "B", 1), CANDIDATES, Map.of(
                "near-store", Map.of("A", 1, "B", 1),
                "far-warehouse", Map.of("A", 9, "B", 9)));

        assertEquals(List.of(new Part("near-store", "A", 1), new Part("near-store", "B", 1)), plan.parts());
    }

    @Test
    void a_farther_location_with_everything_beats_a_split_between_nearer_ones() {
        var plan = Sourcing.plan(lines("A", 1, "B", 1), CANDIDATES, Map.of(
                "near-store", Map.of("A", 1),
                "middle-store", Map.of("B", 1),
                "far-warehouse", Map.of("A", 9, "B", 9)));

        assertEquals(List.of(new Part("far-warehouse", "A", 1), new Part("far-warehouse", "B", 1)), plan.parts());
    }

    @Test
    void otherwise_each_line_takes_from_the_nearest_locations_first() {
        var plan = Sourcing.plan(lines("A", 3, "B", 1), CANDIDATES, Map.of(
                "near-store", Map.of("A", 2),
                "middle-store", Map.of("A", 5),
                "far-warehouse", Map.of("B", 1)));

        assertEquals(List.of(new Part("near-store", "A", 2), new Part("middle-store", "A", 1),
                new Part("far-warehouse", "B", 1)), plan.parts());
    }

    @Test
    void a_line_no_location_can_complete_is_a_shortage_and_nothing_is_planned() {
        var plan = Sourcing.plan(lines("A", 5, "B", 1), CANDIDATES, Map.of(
                "near-store", Map.of("A", 2, "B", 1),
                "far-warehouse", Map.of("A", 1)));

        assertFalse(plan.complete());
        assertEquals(List.of(), plan.parts());
        assertEquals(List.of(new Sourcing.Shortage("A", 5, 3)), plan.shortages());
    }

    @Test
    void without_distances_warehouses_come_first() {
        var plan = Sourcing.plan(lines("A", 1), List.of(new Candidate("store", null, false), new Candidate("warehouse", null, true)),
                Map.of("store", Map.of("A", 1), "warehouse", Map.of("A", 1)));

        assertEquals(List.of(new Part("warehouse", "A", 1)), plan.parts());
    }
}

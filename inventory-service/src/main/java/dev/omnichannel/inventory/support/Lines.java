package dev.omnichannel.inventory.support;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Request lines with the quantities of one SKU summed, in SKU order (the order rows are locked in). */
public final class Lines {

    private Lines() {
    }

    public static Map<String, Integer> summedBySku(List<LineRequest> lines) {
        Map<String, Integer> summed = new TreeMap<>();
        lines.forEach(line -> summed.merge(line.sku().trim(), line.quantity(), Integer::sum));
        return summed;
    }
}

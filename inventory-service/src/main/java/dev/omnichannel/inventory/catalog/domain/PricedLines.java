package dev.omnichannel.inventory.catalog.domain;

import dev.omnichannel.shared.problem.ProblemException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Quantities per SKU priced at today's unit prices: what a reservation or an order charges. */
public record PricedLines(List<Line> lines, BigDecimal total, String currency) {

    public record Line(String sku, int quantity, BigDecimal unitPrice) {
    }

    /** Fails with 404 when a SKU has no price (an unknown product). */
    public static PricedLines of(Map<String, Integer> quantities, Map<String, UnitPrice> unitPrices) {
        List<Line> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        String currency = null;
        for (Map.Entry<String, Integer> entry : quantities.entrySet()) {
            UnitPrice price = unitPrices.get(entry.getKey());
            if (price == null) {
                throw ProblemException.notFound("No product " + entry.getKey());
            }
            lines.add(new Line(entry.getKey(), entry.getValue(), price.price()));
            total = total.add(price.price().multiply(BigDecimal.valueOf(entry.getValue())));
            currency = price.currency();
        }
        return new PricedLines(List.copyOf(lines), total, currency);
    }
}

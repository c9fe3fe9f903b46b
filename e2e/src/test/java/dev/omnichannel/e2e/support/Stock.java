package dev.omnichannel.e2e.support;

import static dev.omnichannel.e2e.support.Eventually.eventually;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;

/**
 * Stock as the channels see it, through the gateway: an admin sets a level with adjustments (the
 * stack's database outlives runs, so tests set what they count on), callers read availability.
 */
public final class Stock {

    private Stock() {
    }

    /** Makes {@code available} exactly {@code target} with admin adjustments; answers inventory's resulting level. */
    public static Map<String, Object> setAvailable(String sku, String storeId, int target) {
        Map<String, Object> level = adjust(sku, storeId, 1, "e2e: read the level");
        int available = available(level);
        return available == target ? level : adjust(sku, storeId, target - available, "e2e: set the level the test counts on");
    }

    /** At least {@code minimum} available (a source an order may draw from), raised by an admin adjustment if short. */
    public static void ensureAtLeast(String sku, String storeId, int minimum) {
        int available = available(adjust(sku, storeId, 1, "e2e: read the level"));
        if (available < minimum) {
            adjust(sku, storeId, minimum - available, "e2e: stock an order may be sourced from");
        }
    }

    /** An admin's signed adjustment; answers the level after it ({@code available}, {@code onHand}, {@code version}). */
    public static Map<String, Object> adjust(String sku, String storeId, int delta, String reason) {
        return Caller.ADMIN.api()
                .body(Map.of("storeId", storeId, "sku", sku, "quantity", delta, "reason", reason))
                .post("/stock/adjustments")
                .then().statusCode(201)
                .extract().jsonPath().getMap("");
    }

    /** What a caller sees available at one store ({@code GET /products/{sku}/availability?storeId=}). */
    public static int available(Caller caller, String sku, String storeId) {
        Response answer = caller.api().queryParam("storeId", storeId).get("/products/{sku}/availability", sku);
        answer.then().statusCode(200);
        List<Integer> levels = answer.jsonPath().getList("findAll { it.storeId == '" + storeId + "' }.available");
        return levels.isEmpty() ? 0 : levels.getFirst();
    }

    private static int available(Map<String, Object> level) {
        return ((Number) level.get("available")).intValue();
    }

    /** Waits until the caller sees exactly {@code expected} units at the store. */
    public static void awaitAvailable(Caller caller, String sku, String storeId, int expected) {
        eventually().alias(caller + " sees " + expected + " x " + sku + " at " + storeId)
                .until(() -> available(caller, sku, storeId), equalTo(expected));
    }
}

package dev.omnichannel.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reading the services' JSON answers. */
public final class Json {

    private Json() {
    }

    /** The elements of a list answer, paged ({@code {"items":[…]}}) or bare ({@code […]}). */
    public static List<JsonNode> items(JsonNode answer) {
        JsonNode array = answer == null ? null : answer.isArray() ? answer : answer.get("items");
        List<JsonNode> items = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(items::add);
        }
        return items;
    }
}

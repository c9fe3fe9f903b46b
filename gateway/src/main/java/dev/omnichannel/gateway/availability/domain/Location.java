package dev.omnichannel.gateway.availability.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A store or warehouse as inventory-service describes it (only what availability needs). */
public record Location(String id, String name, String type, Double lat, Double lon, boolean pickup,
        List<String> capabilities) {

    public static Location of(JsonNode node) {
        JsonNode position = node.path("location");
        List<String> capabilities = new ArrayList<>();
        node.path("capabilities").forEach(capability -> capabilities.add(capability.asText()));
        return new Location(node.path("id").asText(), node.path("name").asText(null), node.path("type").asText(null),
                position.hasNonNull("lat") ? position.get("lat").asDouble() : null,
                position.hasNonNull("lon") ? position.get("lon").asDouble() : null,
                node.path("pickup").asBoolean(false), List.copyOf(capabilities));
    }

    public boolean isStore() {
        return "store".equals(type);
    }

    /** Great-circle distance in km (haversine), to 10 m; null when this location has no coordinates. */
    public Double distanceKm(double fromLat, double fromLon) {
        if (lat == null || lon == null) {
            return null;
        }
        double dLat = Math.toRadians(lat - fromLat);
        double dLon = Math.toRadians(lon - fromLon);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(fromLat)) * Math.cos(Math.toRadians(lat)) * Math.pow(Math.sin(dLon / 2), 2);
        return Math.round(6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a)) * 100) / 100.0;
    }
}

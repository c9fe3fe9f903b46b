package dev.omnichannel.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** One object of a rendered overlay, as JSON. */
record Manifest(JsonNode json) {

    String apiVersion() {
        return json.path("apiVersion").asText();
    }

    String kind() {
        return json.path("kind").asText();
    }

    String name() {
        return json.path("metadata").path("name").asText();
    }

    String id() {
        return kind() + "/" + name();
    }

    JsonNode spec() {
        return json.path("spec");
    }

    boolean is(String kind, String name) {
        return kind().equals(kind) && name().equals(name);
    }

    /** The pod template of a workload (Deployment, StatefulSet, Job), if it is one. */
    Optional<JsonNode> podTemplate() {
        return switch (kind()) {
            case "Deployment", "StatefulSet", "DaemonSet", "Job", "ReplicaSet" -> Optional.of(spec().path("template"));
            case "CronJob" -> Optional.of(spec().path("jobTemplate").path("spec").path("template"));
            default -> Optional.empty();
        };
    }

    static Map<String, String> labels(JsonNode metadata) {
        Map<String, String> labels = new TreeMap<>();
        metadata.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    /** Every container (init containers included) of a pod spec. */
    static List<JsonNode> containers(JsonNode podSpec) {
        List<JsonNode> all = new ArrayList<>();
        Stream.of("initContainers", "containers").forEach(field -> podSpec.path(field).forEach(all::add));
        return all;
    }
}

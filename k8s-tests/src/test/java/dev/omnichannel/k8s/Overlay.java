package dev.omnichannel.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** Look-ups in one rendered overlay. */
record Overlay(String name, List<Manifest> manifests) {

    static Overlay of(String name) {
        return new Overlay(name, Kustomize.overlay(name));
    }

    List<Manifest> ofKind(String kind) {
        return manifests.stream().filter(m -> m.kind().equals(kind)).toList();
    }

    Optional<Manifest> find(String kind, String name) {
        return manifests.stream().filter(m -> m.is(kind, name)).findFirst();
    }

    Manifest get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new NoSuchElementException(this.name + " has no " + kind + "/" + name));
    }

    /** The generated ConfigMap (its name has kustomize's hash suffix) whose name starts with {@code prefix-}. */
    Manifest generated(String kind, String prefix) {
        List<Manifest> found = ofKind(kind).stream()
                .filter(m -> m.name().matches(java.util.regex.Pattern.quote(prefix) + "-[a-z0-9]{10}")).toList();
        if (found.size() != 1) {
            throw new NoSuchElementException(this.name + " has " + found.size() + " generated " + kind + " " + prefix);
        }
        return found.getFirst();
    }

    /** Every pod template of the overlay's workloads, with the workload's id. */
    List<Manifest> workloads() {
        return manifests.stream().filter(m -> m.podTemplate().isPresent()).toList();
    }

    JsonNode podSpec(String kind, String name) {
        return get(kind, name).podTemplate().orElseThrow().path("spec");
    }

    JsonNode serviceContainer(String service) {
        JsonNode containers = podSpec("Deployment", service).path("containers");
        for (JsonNode container : containers) {
            if (container.path("name").asText().equals(service)) {
                return container;
            }
        }
        throw new NoSuchElementException(service + " has no container named " + service);
    }
}

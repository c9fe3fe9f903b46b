package dev.omnichannel.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every object of every overlay is valid for the API server: no unknown field, no wrong type. */
class SchemaValidationTest {

    static List<String> overlays() {
        return Repository.overlays();
    }

    @Test
    void both_overlays_exist_and_render() {
        assertEquals(List.of("dev", "prod"), overlays());
        overlays().forEach(overlay -> assertFalse(Kustomize.overlay(overlay).isEmpty(), overlay + " renders nothing"));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void every_object_matches_its_kubernetes_or_crd_schema(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Manifest manifest : Kustomize.overlay(overlay)) {
            KubernetesSchema.problems(manifest.json()).forEach(problem -> problems.add(manifest.id() + ": " + problem));
        }
        assertEquals(List.of(), problems, overlay);
    }

    /** The base alone is not meant to be applied (no infrastructure addresses), but it is valid on its own. */
    @Test
    void the_base_renders_valid_objects() {
        List<String> problems = new ArrayList<>();
        for (Manifest manifest : Kustomize.render(Repository.K8S.resolve("base"))) {
            KubernetesSchema.problems(manifest.json()).forEach(problem -> problems.add(manifest.id() + ": " + problem));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void the_checks_refuse_an_unknown_field_and_a_wrong_type() {
        String valid = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: x
                spec:
                  replicas: 2
                  selector:
                    matchLabels:
                      app: x
                  template:
                    metadata:
                      labels:
                        app: x
                    spec:
                      containers:
                        - name: x
                          image: x:1
                          env:
                            - name: PORT
                              value: "8080"
                          securityContext:
                            readOnlyRootFilesystem: true
                """;
        assertEquals(List.of(), problems(valid));
        assertProblem(valid.replace("  replicas: 2", "  replica: 2"), "replica");
        assertProblem(valid.replace("  replicas: 2", "  replicas: two"), "two");
        assertProblem(valid.replace("  replicas: 2", "  replicas: \"2\""), "\"2\"");
        assertProblem(valid.replace("value: \"8080\"", "value: 8080"), "8080");
        assertProblem(valid.replace("readOnlyRootFilesystem: true", "readOnlyRootFilesystem: \"true\""), "true");
        assertProblem(valid.replace("          env:", "          environment:\n            - A\n          env:"), "environment");
        assertProblem(valid.replace("      labels:\n        app: x\n    spec:", "      labels:\n        app: x\n      annotation: {}\n    spec:"),
                "annotation");

        String topic = """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata:
                  name: t
                spec:
                  topicName: t
                  partitions: 3
                  replicas: 3
                """;
        assertEquals(List.of(), problems(topic));
        assertProblem(topic.replace("partitions: 3", "partitions: \"3\""), "partitions");
        assertProblem(topic.replace("replicas: 3", "replicas: 3\n  replicationFactor: 3"), "replicationFactor");
        assertProblem(topic.replace("kind: KafkaTopic", "kind: KafkaMirror"), "no schema");
    }

    private static List<String> problems(String yaml) {
        return KubernetesSchema.problems(Kustomize.parse(yaml).getFirst().json());
    }

    private static void assertProblem(String yaml, String mentioned) {
        List<String> problems = problems(yaml);
        assertFalse(problems.isEmpty(), "accepted:\n" + yaml);
        assertTrue(problems.stream().anyMatch(problem -> problem.contains(mentioned)),
                "problems " + problems + " do not name " + mentioned);
    }
}

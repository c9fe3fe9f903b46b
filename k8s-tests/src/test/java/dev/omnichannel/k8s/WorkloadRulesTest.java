package dev.omnichannel.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules every Deployment of the suite follows, in every overlay: health probes, sized
 * resources, locked-down containers, settings as environment variables and secrets by reference.
 * And, for every pod of an overlay (infrastructure and Jobs too), the "restricted" Pod Security
 * Standard.
 */
class WorkloadRulesTest {

    static List<String> overlays() {
        return Repository.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void each_service_is_probed_on_its_quarkus_health_endpoints(String name) {
        Overlay overlay = Overlay.of(name);
        for (String service : Repository.SERVICES) {
            JsonNode container = overlay.serviceContainer(service);
            assertEquals(Repository.port(service), port(container, "http"), service + " http port");
            assertProbe(container, "startupProbe", "/q/health/started", service);
            assertProbe(container, "readinessProbe", "/q/health/ready", service);
            assertProbe(container, "livenessProbe", "/q/health/live", service);
            // The startup probe, not the liveness probe, covers a slow JVM start.
            JsonNode startup = container.path("startupProbe");
            assertTrue(startup.path("periodSeconds").asInt(10) * startup.path("failureThreshold").asInt(3) >= 120,
                    service + " gets at least two minutes to start");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void each_service_requests_and_is_limited_to_what_was_measured(String name) {
        Overlay overlay = Overlay.of(name);
        for (String service : Repository.SERVICES) {
            JsonNode resources = overlay.serviceContainer(service).path("resources");
            assertEquals("100m", resources.path("requests").path("cpu").asText(), service);
            assertEquals("320Mi", resources.path("requests").path("memory").asText(), service);
            assertEquals("1", resources.path("limits").path("cpu").asText(), service);
            assertEquals("512Mi", resources.path("limits").path("memory").asText(), service);
            String javaOpts = config(overlay, service).get("JAVA_OPTS");
            assertTrue(javaOpts != null && javaOpts.contains("-XX:MaxRAMPercentage=") && javaOpts.contains("-XX:+ExitOnOutOfMemoryError"),
                    service + " sizes its heap from the container limit: " + javaOpts);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void each_service_runs_as_the_jboss_user_on_a_read_only_root_file_system(String name) {
        Overlay overlay = Overlay.of(name);
        for (String service : Repository.SERVICES) {
            JsonNode pod = overlay.podSpec("Deployment", service);
            JsonNode container = overlay.serviceContainer(service);
            assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean(), service);
            assertEquals(185, pod.path("securityContext").path("runAsUser").asInt(), service + " runs as the ubi image's jboss user");
            assertEquals("RuntimeDefault", pod.path("securityContext").path("seccompProfile").path("type").asText(), service);
            JsonNode security = container.path("securityContext");
            assertTrue(security.path("readOnlyRootFilesystem").asBoolean(), service);
            assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true), service);
            assertEquals(List.of("ALL"), texts(security.path("capabilities").path("drop")), service);
            assertTrue(security.path("capabilities").path("add").isMissingNode(), service);

            String tmpVolume = null;
            for (JsonNode mount : container.path("volumeMounts")) {
                if (mount.path("mountPath").asText().equals("/tmp")) {
                    tmpVolume = mount.path("name").asText();
                }
            }
            assertTrue(tmpVolume != null, service + " has a writable /tmp");
            String tmp = tmpVolume;
            assertTrue(stream(pod.path("volumes")).anyMatch(v -> v.path("name").asText().equals(tmp) && v.has("emptyDir")),
                    service + ": /tmp is an emptyDir");

            assertFalse(pod.path("automountServiceAccountToken").asBoolean(true), service + " mounts no API token");
            assertEquals(service, pod.path("serviceAccountName").asText(), service);
            Manifest account = overlay.get("ServiceAccount", service);
            assertFalse(account.json().path("automountServiceAccountToken").asBoolean(true), service);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void settings_are_environment_variables_and_secrets_are_only_referenced(String name) {
        Overlay overlay = Overlay.of(name);
        for (String service : Repository.SERVICES) {
            JsonNode container = overlay.serviceContainer(service);
            Map<String, String> config = config(overlay, service);
            Set<String> required = new TreeSet<>(Set.of("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_OIDC_AUTH_SERVER_URL", "JAVA_OPTS"));
            if (Repository.SERVICES_WITH_DATABASE.contains(service)) {
                required.addAll(Set.of("QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_JDBC_URL"));
                assertEquals("jdbc:" + config.get("QUARKUS_DATASOURCE_REACTIVE_URL"), config.get("QUARKUS_DATASOURCE_JDBC_URL"),
                        service + ": Flyway migrates the database the service uses");
                assertEquals(Set.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD"),
                        secretRefs(container, Repository.database(service) + "-db"), service + " database credentials");
            }
            if (service.equals("gateway")) {
                required.addAll(Set.of("QUARKUS_REST_CLIENT_CUSTOMER_URL", "QUARKUS_REST_CLIENT_INVENTORY_URL",
                        "QUARKUS_REST_CLIENT_MESSAGING_URL", "QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL"));
                assertEquals(Set.of("QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET"), secretRefs(container, "gateway-oidc-client"));
            }
            if (service.equals("messaging-service")) {
                required.addAll(Set.of("QUARKUS_MAILER_HOST", "QUARKUS_MAILER_PORT", "QUARKUS_REST_CLIENT_CUSTOMER_URL",
                        "QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL"));
                assertEquals(Set.of("QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET"), secretRefs(container, "messaging-oidc-client"));
            }
            Set<String> missing = new TreeSet<>(required);
            missing.removeAll(config.keySet());
            assertEquals(Set.of(), missing, service + " configuration in " + name);
            for (JsonNode env : container.path("env")) {
                assertFalse(env.has("value") && env.path("name").asText().matches(".*(PASSWORD|SECRET|API_KEY).*"),
                        service + " has a secret value inline: " + env.path("name").asText());
            }
        }
    }

    /** The "restricted" Pod Security Standard, for every pod of the overlay (the dev namespace enforces it). */
    @ParameterizedTest
    @MethodSource("overlays")
    void every_pod_meets_the_restricted_pod_security_standard(String name) {
        List<String> violations = new ArrayList<>();
        for (Manifest workload : Overlay.of(name).workloads()) {
            JsonNode pod = workload.podTemplate().orElseThrow().path("spec");
            JsonNode podSecurity = pod.path("securityContext");
            for (String hostField : List.of("hostNetwork", "hostPID", "hostIPC")) {
                if (pod.path(hostField).asBoolean()) {
                    violations.add(workload.id() + " " + hostField);
                }
            }
            for (JsonNode volume : pod.path("volumes")) {
                Set<String> sources = new HashSet<>();
                volume.fieldNames().forEachRemaining(sources::add);
                sources.remove("name");
                if (!Set.of("configMap", "emptyDir", "secret", "persistentVolumeClaim", "projected", "downwardAPI", "csi", "ephemeral")
                        .containsAll(sources)) {
                    violations.add(workload.id() + " volume " + sources);
                }
            }
            if (!"RuntimeDefault".equals(podSecurity.path("seccompProfile").path("type").asText())) {
                violations.add(workload.id() + " has no RuntimeDefault seccomp profile");
            }
            for (JsonNode container : Manifest.containers(pod)) {
                String id = workload.id() + " container " + container.path("name").asText();
                JsonNode security = container.path("securityContext");
                if (!(security.path("runAsNonRoot").asBoolean() || podSecurity.path("runAsNonRoot").asBoolean())) {
                    violations.add(id + " may run as root");
                }
                if (security.path("runAsUser").asInt(-1) == 0 || podSecurity.path("runAsUser").asInt(-1) == 0) {
                    violations.add(id + " runs as uid 0");
                }
                if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
                    violations.add(id + " allows privilege escalation");
                }
                if (security.path("privileged").asBoolean()) {
                    violations.add(id + " is privileged");
                }
                if (!texts(security.path("capabilities").path("drop")).contains("ALL")) {
                    violations.add(id + " keeps capabilities");
                }
                if (!texts(security.path("capabilities").path("add")).stream().allMatch("NET_BIND_SERVICE"::equals)) {
                    violations.add(id + " adds capabilities");
                }
                for (JsonNode port : container.path("ports")) {
                    if (port.has("hostPort")) {
                        violations.add(id + " uses a host port");
                    }
                }
                if (!container.path("resources").path("limits").has("memory") || !container.path("resources").path("requests").has("cpu")) {
                    violations.add(id + " has no memory limit or cpu request");
                }
            }
        }
        assertEquals(List.of(), violations, name);
    }

    static Map<String, String> config(Overlay overlay, String service) {
        Map<String, String> config = new TreeMap<>();
        overlay.generated("ConfigMap", service + "-config").json().path("data").properties()
                .forEach(e -> config.put(e.getKey(), e.getValue().asText()));
        JsonNode container = overlay.serviceContainer(service);
        String referenced = container.path("envFrom").path(0).path("configMapRef").path("name").asText();
        assertEquals(overlay.generated("ConfigMap", service + "-config").name(), referenced, service + " reads its ConfigMap");
        return config;
    }

    private static Set<String> secretRefs(JsonNode container, String secretPrefix) {
        Set<String> names = new TreeSet<>();
        for (JsonNode env : container.path("env")) {
            String secret = env.path("valueFrom").path("secretKeyRef").path("name").asText();
            if (secret.equals(secretPrefix) || secret.matches(java.util.regex.Pattern.quote(secretPrefix) + "-[a-z0-9]{10}")) {
                names.add(env.path("name").asText());
            }
        }
        return names;
    }

    private static void assertProbe(JsonNode container, String probe, String path, String service) {
        JsonNode httpGet = container.path(probe).path("httpGet");
        assertEquals(path, httpGet.path("path").asText(), service + " " + probe);
        JsonNode port = httpGet.path("port");
        assertTrue(port.asText().equals("http") || port.asInt() == Repository.port(service), service + " " + probe + " port");
    }

    private static int port(JsonNode container, String name) {
        return stream(container.path("ports")).filter(p -> p.path("name").asText().equals(name))
                .mapToInt(p -> p.path("containerPort").asInt()).findFirst().orElse(-1);
    }

    static List<String> texts(JsonNode array) {
        return stream(array).map(JsonNode::asText).toList();
    }

    static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}

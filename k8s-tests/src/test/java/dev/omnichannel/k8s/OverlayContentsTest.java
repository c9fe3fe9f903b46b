package dev.omnichannel.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Images, secrets, exposure, scaling and the infrastructure each overlay brings. */
class OverlayContentsTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    /** Settings that hold addresses as the outside world sees them, not in-cluster ones. */
    private static final Set<String> PUBLIC_URLS = Set.of("QUARKUS_OIDC_TOKEN_ISSUER", "MESSAGING_TRACKING_URL", "STOREFRONT_URL",
            "OMNI_PAGES_KEYCLOAK_URL");

    static List<String> overlays() {
        return Repository.overlays();
    }

    @Test
    void the_base_names_each_service_image_by_a_placeholder_without_tag() {
        for (String service : Repository.SERVICES) {
            String file = Repository.read(Repository.K8S.resolve("base").resolve(service + ".yaml"));
            assertTrue(file.contains("image: omnichannel/" + service + "\n"), service + " image placeholder in base");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void every_image_and_tag_comes_from_the_overlays_images_setting(String name) {
        Map<String, String> images = new TreeMap<>();
        kustomization(name).path("images").forEach(image -> {
            assertTrue(image.has("newTag") && !image.path("newTag").asText().equals("latest"), name + " pins " + image);
            images.put(image.path("name").asText(), image.path("newName").asText() + ":" + image.path("newTag").asText());
        });
        Overlay overlay = Overlay.of(name);
        for (String service : Repository.SERVICES) {
            assertEquals(images.get("omnichannel/" + service), overlay.serviceContainer(service).path("image").asText(),
                    name + ": " + service + " image");
        }
        List<String> unmanaged = new ArrayList<>();
        for (Manifest workload : overlay.workloads()) {
            for (JsonNode container : Manifest.containers(workload.podTemplate().orElseThrow().path("spec"))) {
                if (!images.containsValue(container.path("image").asText())) {
                    unmanaged.add(workload.id() + ": " + container.path("image").asText());
                }
            }
        }
        assertEquals(List.of(), unmanaged, name + ": images not set by the overlay's images: setting");
    }

    @Test
    void no_secret_is_committed_and_prod_renders_none() throws IOException {
        List<String> committed = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Repository.K8S)) {
            files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).forEach(file -> {
                for (JsonNode document : Kustomize.parse(Repository.read(file)).stream().map(Manifest::json).toList()) {
                    if (document.path("kind").asText().equals("Secret")) {
                        committed.add(Repository.K8S.relativize(file).toString());
                    }
                }
            });
        }
        assertEquals(List.of(), committed, "Secret objects committed under k8s/");
        assertEquals(List.of(), Overlay.of("prod").ofKind("Secret"), "prod creates its secrets outside git");
    }

    @Test
    void the_dev_secrets_all_come_from_the_dev_generator() {
        Set<String> generated = new TreeSet<>();
        kustomization("dev").path("secretGenerator").forEach(secret -> generated.add(secret.path("name").asText()));
        for (Manifest secret : Overlay.of("dev").ofKind("Secret")) {
            String base = secret.name().replaceFirst("-[a-z0-9]{10}$", "");
            assertTrue(generated.contains(base) && !base.equals(secret.name()), secret.name() + " comes from the secretGenerator");
        }
        assertEquals(secretsReferenced(Overlay.of("dev")).stream().map(s -> s.replaceFirst("-[a-z0-9]{10}$", ""))
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new)), generated,
                "dev generates exactly the secrets its pods reference");
    }

    @Test
    void the_readme_lists_every_secret_prod_needs() {
        Overlay prod = Overlay.of("prod");
        Set<String> needed = secretsReferenced(prod);
        for (Manifest resource : prod.manifests()) {
            collectSecretNames(resource.spec(), needed);
        }
        needed.add("gateway-tls");
        String readme = Repository.read(Repository.K8S.resolve("README.md"));
        List<String> missing = needed.stream().filter(secret -> !readme.contains("`" + secret + "`")).toList();
        assertEquals(List.of(), missing, "secrets of prod not documented in k8s/README.md");
        assertTrue(needed.containsAll(Set.of("customer-db", "inventory-db", "messaging-db", "gateway-db", "keycloak-db", "gateway-oidc-client",
                "kiosk-oidc-client", "messaging-oidc-client", "messaging-providers")), "prod secrets " + needed);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void only_the_gateway_is_exposed(String name) {
        Overlay overlay = Overlay.of(name);
        for (Manifest service : overlay.ofKind("Service")) {
            assertEquals("ClusterIP", service.spec().path("type").asText("ClusterIP"), service.id() + " is internal");
        }
        for (Manifest ingress : overlay.ofKind("Ingress")) {
            for (JsonNode rule : ingress.spec().path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    assertEquals("gateway", path.path("backend").path("service").path("name").asText(), ingress.id());
                }
            }
            assertFalse(ingress.spec().path("defaultBackend").isObject(), ingress.id());
        }
        overlay.ofKind("Keycloak").forEach(keycloak -> assertFalse(keycloak.spec().path("ingress").path("enabled").asBoolean(true),
                "the Keycloak operator creates no Ingress"));
        assertEquals(name.equals("prod") ? 1 : 0, overlay.ofKind("Ingress").size(), name + " Ingresses");
    }

    /** The public paths the channels call; the gateway's /q endpoints (metrics, health) are for the cluster only. */
    @Test
    void the_prod_ingress_routes_what_the_channels_call_and_never_the_gateways_q_endpoints() throws IOException {
        Set<String> routed = new TreeSet<>();
        for (Manifest ingress : Overlay.of("prod").ofKind("Ingress")) {
            for (JsonNode rule : ingress.spec().path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    String prefix = path.path("path").asText();
                    assertTrue(!prefix.equals("/") || path.path("pathType").asText().equals("Exact"),
                            "/ is routed exactly (the home page), never as a prefix of everything");
                    assertFalse(prefix.startsWith("/q"), prefix + " is the gateway's management endpoints");
                    routed.add(prefix);
                }
            }
        }
        Set<String> pages = new TreeSet<>();
        try (Stream<Path> files = Files.list(Repository.ROOT.resolve("gateway/src/main/resources/META-INF/resources"))) {
            files.forEach(file -> pages.add("/" + file.getFileName() + (Files.isDirectory(file) ? "/" : "")));
        }
        for (String needed : List.of("/", "/api/", "/t/", "/kiosk/", "/pages/")) {
            assertTrue(routed.contains(needed), needed + " is routed: " + routed);
        }
        assertTrue(routed.containsAll(pages), "every page folder and file is routed: " + pages + " in " + routed);
    }

    @Test
    void dev_runs_one_replica_of_everything_with_its_own_infrastructure() {
        Overlay dev = Overlay.of("dev");
        for (Manifest workload : dev.manifests()) {
            if (workload.kind().equals("Deployment") || workload.kind().equals("StatefulSet")) {
                assertEquals(1, workload.spec().path("replicas").asInt(), workload.id());
            }
        }
        assertEquals("quay.io/keycloak/keycloak:26.7.3", dev.podSpec("Deployment", "keycloak").path("containers").path(0).path("image").asText());
        assertEquals(List.of("start-dev", "--import-realm"),
                WorkloadRulesTest.texts(dev.podSpec("Deployment", "keycloak").path("containers").path(0).path("args")));
        assertTrue(dev.podSpec("StatefulSet", "kafka").path("containers").path(0).path("image").asText().startsWith("docker.io/apache/kafka:"));
        assertTrue(dev.find("Deployment", "greenmail").isPresent());
        String init = dev.generated("ConfigMap", "postgres-init").json().path("data").path("init-databases.sh").asText();
        for (String database : List.of("customer", "inventory", "messaging", "gateway", "keycloak")) {
            assertTrue(init.contains("create_database " + database + " "), "dev PostgreSQL creates " + database);
        }
    }

    @Test
    void the_dev_realm_is_the_realm_of_the_local_stack() throws IOException {
        assertEquals(Files.readString(Repository.ROOT.resolve("infra/keycloak/omnichannel-realm.json")),
                Overlay.of("dev").generated("ConfigMap", "keycloak-realm").json().path("data").path("omnichannel-realm.json").asText(),
                "k8s/overlays/dev/keycloak/omnichannel-realm.json must be a copy of infra/keycloak/omnichannel-realm.json");
    }

    /**
     * The topics of Topics.java, with the local stack's cleanup policy and retention (./omni's
     * TOPICS): the compacted ones compacted, the ones the gateway's view model is rebuilt from kept
     * for ever.
     */
    @Test
    void both_overlays_create_exactly_the_suites_topics_with_their_configs() {
        Map<String, Map<String, String>> expected = topicsOfTheLocalStack();
        Map<String, Boolean> compacted = new TreeMap<>();
        expected.forEach((topic, configs) -> compacted.put(topic, "compact".equals(configs.get("cleanup.policy"))));
        assertEquals(topicsOfTheSuite(), compacted, "./omni's TOPICS (name -> compacted) against Topics.java");
        assertEquals(Set.of("customer.events", "inventory.fulfilment", "messaging.events"),
                expected.entrySet().stream().filter(t -> t.getValue().containsKey("retention.ms")).map(Map.Entry::getKey)
                        .collect(java.util.stream.Collectors.toSet()),
                "./omni keeps every record of the topics the gateway's view model is rebuilt from");

        String job = Overlay.of("dev").podSpec("Job", "kafka-topics").path("containers").path(0).path("command").path(2).asText();
        Map<String, Map<String, String>> dev = new TreeMap<>();
        Matcher topic = Pattern.compile("(?m)^topic ([\\w.]+)(?: (\\S+))?$").matcher(job);
        while (topic.find()) {
            Map<String, String> configs = new TreeMap<>();
            if (topic.group(2) != null) {
                for (String config : topic.group(2).split(",")) {
                    configs.put(config.substring(0, config.indexOf('=')), config.substring(config.indexOf('=') + 1));
                }
            }
            dev.put(topic.group(1), retentionOf(configs));
        }
        assertEquals(expected, dev, "dev's kafka-topics Job (name -> cleanup.policy and retention.ms)");

        Map<String, Map<String, String>> prod = new TreeMap<>();
        for (Manifest kafkaTopic : Overlay.of("prod").ofKind("KafkaTopic")) {
            Map<String, String> configs = new TreeMap<>();
            kafkaTopic.spec().path("config").properties().forEach(config -> configs.put(config.getKey(), config.getValue().asText()));
            prod.put(kafkaTopic.spec().path("topicName").asText(), retentionOf(configs));
            assertTrue(kafkaTopic.spec().path("replicas").asInt() >= 3, kafkaTopic.id() + " is replicated");
        }
        assertEquals(expected, prod, "prod KafkaTopics (name -> cleanup.policy and retention.ms)");
    }

    @Test
    void prod_runs_at_least_two_replicas_with_autoscaling_and_disruption_budgets() {
        Overlay prod = Overlay.of("prod");
        for (String service : Repository.SERVICES) {
            Manifest deployment = prod.get("Deployment", service);
            assertTrue(deployment.spec().path("replicas").asInt() >= 2, service + " replicas");
            JsonNode hpa = prod.get("HorizontalPodAutoscaler", service).spec();
            assertEquals("Deployment", hpa.path("scaleTargetRef").path("kind").asText());
            assertEquals(service, hpa.path("scaleTargetRef").path("name").asText());
            assertTrue(hpa.path("minReplicas").asInt() >= 2 && hpa.path("maxReplicas").asInt() > hpa.path("minReplicas").asInt(), service);
            JsonNode pdb = prod.get("PodDisruptionBudget", service).spec();
            assertTrue(NetworkModel.matches(pdb.path("selector"), Manifest.labels(deployment.podTemplate().orElseThrow().path("metadata"))),
                    service + " budget selects its pods");
            // either form keeps a pod up: at least one available, or fewer evicted than the fewest replicas
            assertTrue(pdb.path("minAvailable").asInt() >= 1
                    || pdb.path("maxUnavailable").asInt() >= 1 && pdb.path("maxUnavailable").asInt() < hpa.path("minReplicas").asInt(), service);
        }
    }

    /**
     * Every gateway pod there can be (the HPA's maximum and one more in a rollout), each with its
     * reactive pool and Flyway's JDBC connection, fits in PostgreSQL's 100 connections, 3 of which
     * are kept for superusers.
     */
    @Test
    void prod_the_gateways_replicas_fit_in_its_databases_connections() {
        Overlay prod = Overlay.of("prod");
        int pods = prod.get("HorizontalPodAutoscaler", "gateway").spec().path("maxReplicas").asInt()
                + prod.get("Deployment", "gateway").spec().path("strategy").path("rollingUpdate").path("maxSurge").asInt();
        Matcher poolDefault = Pattern.compile("(?m)^quarkus\\.datasource\\.reactive\\.max-size=(\\d+)$")
                .matcher(Repository.read(Repository.ROOT.resolve("gateway/src/main/resources/application.properties")));
        assertTrue(poolDefault.find(), "the gateway sets quarkus.datasource.reactive.max-size");
        int connections = Integer.parseInt(WorkloadRulesTest.config(prod, "gateway")
                .getOrDefault("QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE", poolDefault.group(1)));
        assertTrue(pods * (connections + 1) <= 100 - 3, pods + " gateway pods x (" + connections + " + 1) connections to gateway-db");
    }

    @Test
    void prod_uses_the_operators_for_kafka_postgresql_and_keycloak() {
        Overlay prod = Overlay.of("prod");
        Manifest pool = prod.ofKind("KafkaNodePool").getFirst();
        assertEquals(Set.of("controller", "broker"), new TreeSet<>(WorkloadRulesTest.texts(pool.spec().path("roles"))), "KRaft nodes");
        assertTrue(pool.spec().path("replicas").asInt() >= 3);
        assertEquals("app: kafka", "app: " + pool.spec().path("template").path("pod").path("metadata").path("labels").path("app").asText());
        for (String database : List.of("customer", "inventory", "messaging", "gateway", "keycloak")) {
            JsonNode cluster = prod.get("Cluster", database + "-db").spec();
            assertEquals(database, cluster.path("bootstrap").path("initdb").path("database").asText());
            assertEquals(database + "-db", cluster.path("bootstrap").path("initdb").path("secret").path("name").asText());
            assertEquals("true", cluster.path("inheritedMetadata").path("labels").path("database.omnichannel.dev/" + database).asText());
        }
        JsonNode keycloak = prod.get("Keycloak", "keycloak").spec();
        assertEquals("keycloak-db-rw", keycloak.path("db").path("host").asText());
        assertEquals("keycloak", prod.get("KeycloakRealmImport", "omnichannel-realm").spec().path("keycloakCRName").asText());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void every_address_in_the_settings_names_something_the_overlay_runs(String name) {
        Overlay overlay = Overlay.of(name);
        Set<String> hosts = new TreeSet<>();
        overlay.ofKind("Service").forEach(service -> service.spec().path("ports")
                .forEach(port -> hosts.add(service.name() + ":" + port.path("port").asInt())));
        overlay.ofKind("Cluster").forEach(cluster -> hosts.add(cluster.name() + "-rw:5432"));
        overlay.ofKind("Kafka").forEach(kafka -> kafka.spec().path("kafka").path("listeners")
                .forEach(l -> hosts.add(kafka.name() + "-kafka-bootstrap:" + l.path("port").asInt())));
        overlay.ofKind("Keycloak").forEach(keycloak -> hosts.add(keycloak.name() + "-service:8080"));
        overlay.ofKind("OpenTelemetryCollector").forEach(collector -> hosts.add(collector.name() + "-collector:4317"));
        Pattern address = Pattern.compile("(?:://|^)([a-z0-9.-]+):(\\d+)");
        List<String> dangling = new ArrayList<>();
        for (String service : Repository.SERVICES) {
            for (var setting : WorkloadRulesTest.config(overlay, service).entrySet()) {
                if (PUBLIC_URLS.contains(setting.getKey())) {
                    continue;
                }
                for (String value : setting.getValue().split(",")) {
                    Matcher matcher = address.matcher(value.replaceFirst("^jdbc:", ""));
                    if (matcher.find() && !hosts.contains(matcher.group(1) + ":" + matcher.group(2))) {
                        dangling.add(service + " " + setting.getKey() + "=" + value);
                    }
                }
            }
            Map<String, String> config = WorkloadRulesTest.config(overlay, service);
            String mailer = config.get("QUARKUS_MAILER_HOST");
            if (mailer != null && !mailer.endsWith(".example.com") && !hosts.contains(mailer + ":" + config.get("QUARKUS_MAILER_PORT"))) {
                dangling.add(service + " QUARKUS_MAILER_HOST=" + mailer);
            }
        }
        assertEquals(List.of(), dangling, name + ": settings pointing at nothing the overlay deploys");
    }

    /** Keycloak puts its public URL in every token; the services reach it by an in-cluster URL and expect that issuer. */
    @ParameterizedTest
    @MethodSource("overlays")
    void every_service_expects_the_issuer_keycloak_puts_in_tokens(String name) {
        Overlay overlay = Overlay.of(name);
        String hostname = overlay.find("Keycloak", "keycloak").map(k -> k.spec().path("hostname").path("hostname").asText())
                .orElseGet(() -> WorkloadRulesTest.stream(overlay.podSpec("Deployment", "keycloak").path("containers").path(0).path("env"))
                        .filter(env -> env.path("name").asText().equals("KC_HOSTNAME")).findFirst().orElseThrow().path("value").asText());
        for (String service : Repository.SERVICES) {
            assertEquals(hostname + "/realms/omnichannel", WorkloadRulesTest.config(overlay, service).get("QUARKUS_OIDC_TOKEN_ISSUER"), service);
        }
    }

    /** The prod realm import carries the dev realm's roles, clients and token mappers, without its demo users or dev secrets. */
    @Test
    void the_prod_realm_matches_the_dev_realm_without_its_demo_users_and_secrets() throws IOException {
        JsonNode dev = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                Repository.ROOT.resolve("infra/keycloak/omnichannel-realm.json").toFile());
        JsonNode prod = Overlay.of("prod").get("KeycloakRealmImport", "omnichannel-realm").spec().path("realm");
        assertEquals(dev.path("realm"), prod.path("realm"));
        assertEquals(dev.path("roles"), prod.path("roles"));
        assertEquals(dev.path("defaultRole"), prod.path("defaultRole"));
        assertEquals(dev.path("components"), prod.path("components"));
        assertEquals(clients(dev), clients(prod), "clients and their token mappers");
        for (JsonNode client : prod.path("clients")) {
            assertFalse(client.path("secret").asText().contains("dev"), client.path("clientId") + " has no dev secret");
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(), client.path("clientId") + " has no password grant");
            WorkloadRulesTest.stream(client.path("redirectUris")).forEach(uri -> assertFalse(uri.asText().startsWith("http://"), uri.asText()));
        }
        for (JsonNode user : prod.path("users")) {
            assertTrue(user.has("serviceAccountClientId"), "prod imports no demo user: " + user.path("username"));
        }
        assertEquals("external", prod.path("sslRequired").asText());
    }

    private static Map<String, List<JsonNode>> clients(JsonNode realm) {
        Map<String, List<JsonNode>> clients = new TreeMap<>();
        for (JsonNode client : realm.path("clients")) {
            clients.put(client.path("clientId").asText(), List.of(client.path("publicClient"), client.path("serviceAccountsEnabled"),
                    client.path("standardFlowEnabled"), client.path("protocolMappers")));
        }
        return clients;
    }

    /** Topic name -> compacted, from the constants of dev.omnichannel.shared.events.Topics. */
    static Map<String, Boolean> topicsOfTheSuite() {
        String source = Repository.read(Repository.ROOT.resolve("shared/src/main/java/dev/omnichannel/shared/events/Topics.java"));
        Map<String, Boolean> topics = new TreeMap<>();
        Matcher matcher = Pattern.compile("/\\*\\*([^*]*(?:\\*(?!/)[^*]*)*)\\*/\\s*public static final String \\w+ = \"([^\"]+)\";").matcher(source);
        while (matcher.find()) {
            topics.put(matcher.group(2), matcher.group(1).contains("compacted"));
        }
        assertEquals(6, topics.size(), "topics found in Topics.java: " + topics);
        return topics;
    }

    /** Topic name -> cleanup.policy and retention.ms, from ./omni's TOPICS ({@code name:partitions[:compact|:keep]}). */
    static Map<String, Map<String, String>> topicsOfTheLocalStack() {
        Matcher line = Pattern.compile("(?m)^TOPICS=\\(([^)]*)\\)").matcher(Repository.read(Repository.ROOT.resolve("omni")));
        assertTrue(line.find(), "./omni has a TOPICS=(...) line");
        Map<String, Map<String, String>> topics = new TreeMap<>();
        for (String spec : line.group(1).trim().split("\\s+")) {
            String[] parts = spec.split(":");
            String kind = parts.length > 2 ? parts[2] : "";
            topics.put(parts[0], switch (kind) {
                case "compact" -> Map.of("cleanup.policy", "compact");
                case "keep" -> Map.of("retention.ms", "-1");
                case "" -> Map.of();
                default -> throw new AssertionError("unknown topic kind in ./omni: " + spec);
            });
        }
        return topics;
    }

    /** Only what decides how long records stay: the cleanup policy and the retention. */
    private static Map<String, String> retentionOf(Map<String, String> configs) {
        Map<String, String> kept = new TreeMap<>(configs);
        kept.keySet().retainAll(Set.of("cleanup.policy", "retention.ms"));
        return kept;
    }

    private static Set<String> secretsReferenced(Overlay overlay) {
        Set<String> names = new TreeSet<>();
        for (Manifest workload : overlay.workloads()) {
            JsonNode pod = workload.podTemplate().orElseThrow().path("spec");
            for (JsonNode container : Manifest.containers(pod)) {
                container.path("env").forEach(env -> {
                    String secret = env.path("valueFrom").path("secretKeyRef").path("name").asText();
                    if (!secret.isEmpty()) {
                        names.add(secret);
                    }
                });
                container.path("envFrom").forEach(from -> {
                    if (from.has("secretRef")) {
                        names.add(from.path("secretRef").path("name").asText());
                    }
                });
            }
            pod.path("volumes").forEach(volume -> {
                if (volume.has("secret")) {
                    names.add(volume.path("secret").path("secretName").asText());
                }
            });
        }
        return names;
    }

    /** Secret names inside custom resources: {secret: {name}}, {usernameSecret: {name}}, secretName... */
    private static void collectSecretNames(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                String key = field.getKey();
                JsonNode value = field.getValue();
                if ((key.equals("secret") || key.endsWith("Secret")) && value.has("name")) {
                    names.add(value.path("name").asText());
                } else if (key.equals("secretName") && value.isTextual()) {
                    names.add(value.asText());
                } else {
                    collectSecretNames(value, names);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> collectSecretNames(item, names));
        }
    }

    private static JsonNode kustomization(String overlay) {
        try {
            return YAML.readTree(Repository.OVERLAYS.resolve(overlay).resolve("kustomization.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

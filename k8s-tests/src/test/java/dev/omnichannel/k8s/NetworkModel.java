package dev.omnichannel.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Evaluates the NetworkPolicies of a rendered overlay the way a policy-enforcing CNI does: a
 * connection is allowed when the source's egress and the destination's ingress both allow it
 * (a pod no policy selects for a direction is open in that direction). The pods are those of the
 * overlay's workloads, plus, for prod, the pods the operators create, with the labels the
 * operators give them; the policies are the overlay's plus those the operators generate from
 * the custom resources (Strimzi's listener policy, the Keycloak operator's).
 */
final class NetworkModel {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A pod (namespace and labels, ports it listens on) or an address outside the cluster. */
    record Endpoint(String name, String namespace, Map<String, String> labels, Set<Integer> ports, String ip) {

        static Endpoint pod(String name, String namespace, Map<String, String> labels, Set<Integer> ports) {
            return new Endpoint(name, namespace, Map.copyOf(labels), Set.copyOf(ports), null);
        }

        static Endpoint external(String ip) {
            return new Endpoint(ip, null, Map.of(), Set.of(), ip);
        }

        boolean isPod() {
            return ip == null;
        }

        Map<String, String> namespaceLabels() {
            return namespace == null ? Map.of() : Map.of("kubernetes.io/metadata.name", namespace);
        }

        @Override
        public String toString() {
            return isPod() ? name + "@" + namespace : ip;
        }
    }

    final String namespace;
    final List<JsonNode> policies = new ArrayList<>();
    final Map<String, Endpoint> pods = new LinkedHashMap<>();

    NetworkModel(Overlay overlay) {
        this.namespace = overlay.ofKind("Namespace").getFirst().name();
        overlay.ofKind("NetworkPolicy").forEach(policy -> policies.add(policy.json()));
        for (Manifest workload : overlay.workloads()) {
            JsonNode template = workload.podTemplate().orElseThrow();
            Set<Integer> ports = new TreeSet<>();
            Manifest.containers(template.path("spec"))
                    .forEach(c -> c.path("ports").forEach(p -> ports.add(p.path("containerPort").asInt())));
            add(Endpoint.pod(workload.name(), namespace, Manifest.labels(template.path("metadata")), ports));
        }
        addOperatorPods(overlay);
    }

    Endpoint pod(String name) {
        Endpoint pod = pods.get(name);
        if (pod == null) {
            throw new IllegalArgumentException("no pod " + name + " in " + pods.keySet());
        }
        return pod;
    }

    Endpoint podInOtherNamespace(String namespace, Map<String, String> labels) {
        return Endpoint.pod("pod", namespace, labels, Set.of());
    }

    boolean allowed(Endpoint from, Endpoint to, int port) {
        return allowed(from, to, port, "TCP");
    }

    boolean allowed(Endpoint from, Endpoint to, int port, String protocol) {
        return direction(from, to, port, protocol, "Egress", from, "egress", "to")
                && direction(to, from, port, protocol, "Ingress", to, "ingress", "from");
    }

    /** The destination's side alone: what its ingress rules admit, whatever the source's egress rules say. */
    boolean ingressAllows(Endpoint from, Endpoint to, int port) {
        return direction(to, from, port, "TCP", "Ingress", to, "ingress", "from");
    }

    /** Whether the policies of {@code subject}'s namespace let {@code subject} talk with {@code peer}. */
    private boolean direction(Endpoint subject, Endpoint peer, int port, String protocol, String type,
            Endpoint selected, String rulesField, String peersField) {
        if (!selected.isPod() || !namespace.equals(selected.namespace())) {
            return true;
        }
        boolean isolated = false;
        for (JsonNode policy : policies) {
            JsonNode spec = policy.path("spec");
            if (!WorkloadRulesTest.texts(spec.path("policyTypes")).contains(type)
                    || !matches(spec.path("podSelector"), subject.labels())) {
                continue;
            }
            isolated = true;
            for (JsonNode rule : spec.path(rulesField)) {
                if (portMatches(rule.path("ports"), port, protocol) && peerMatches(rule.path(peersField), peer)) {
                    return true;
                }
            }
        }
        return !isolated;
    }

    private boolean peerMatches(JsonNode peers, Endpoint peer) {
        if (peers.isMissingNode() || peers.isEmpty()) {
            return true;
        }
        for (JsonNode candidate : peers) {
            if (candidate.has("ipBlock")) {
                if (!peer.isPod() && inCidr(peer.ip(), candidate.path("ipBlock").path("cidr").asText())
                        && WorkloadRulesTest.stream(candidate.path("ipBlock").path("except")).noneMatch(e -> inCidr(peer.ip(), e.asText()))) {
                    return true;
                }
                continue;
            }
            if (!peer.isPod()) {
                continue;
            }
            boolean namespaceOk = candidate.has("namespaceSelector")
                    ? matches(candidate.path("namespaceSelector"), peer.namespaceLabels())
                    : namespace.equals(peer.namespace());
            boolean podOk = !candidate.has("podSelector") || matches(candidate.path("podSelector"), peer.labels());
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean portMatches(JsonNode ports, int port, String protocol) {
        if (ports.isMissingNode() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode candidate : ports) {
            if (!candidate.path("port").isInt() && candidate.has("port")) {
                throw new AssertionError("named ports in NetworkPolicies are not modelled: " + candidate);
            }
            boolean protocolOk = candidate.path("protocol").asText("TCP").equals(protocol);
            int from = candidate.path("port").asInt(port);
            int to = candidate.path("endPort").asInt(from);
            if (protocolOk && port >= from && port <= to) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(JsonNode selector, Map<String, String> labels) {
        for (var entry : selector.path("matchLabels").properties()) {
            if (!entry.getValue().asText().equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String value = labels.get(expression.path("key").asText());
            List<String> values = WorkloadRulesTest.texts(expression.path("values"));
            boolean ok = switch (expression.path("operator").asText()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new AssertionError("unknown operator in " + expression);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean inCidr(String ip, String cidr) {
        String[] parts = cidr.split("/");
        int bits = Integer.parseInt(parts[1]);
        long mask = bits == 0 ? 0 : 0xFFFFFFFFL << (32 - bits) & 0xFFFFFFFFL;
        return (ipv4(ip) & mask) == (ipv4(parts[0]) & mask);
    }

    private static long ipv4(String ip) {
        long value = 0;
        for (String octet : ip.split("\\.")) {
            value = value << 8 | Integer.parseInt(octet);
        }
        return value;
    }

    private void add(Endpoint pod) {
        pods.put(pod.name(), pod);
    }

    /**
     * The pods and policies that Strimzi, CloudNativePG, the Keycloak operator and the OpenTelemetry
     * operator create from the custom resources.
     */
    private void addOperatorPods(Overlay overlay) {
        for (Manifest collector : overlay.ofKind("OpenTelemetryCollector")) {
            add(Endpoint.pod(collector.name() + "-collector-0", namespace, Map.of(
                    "app.kubernetes.io/component", "opentelemetry-collector",
                    "app.kubernetes.io/managed-by", "opentelemetry-operator",
                    "app.kubernetes.io/name", collector.name() + "-collector"), Set.of(4317, 4318, 8888)));
        }
        for (Manifest pool : overlay.ofKind("KafkaNodePool")) {
            String cluster = pool.json().path("metadata").path("labels").path("strimzi.io/cluster").asText();
            Map<String, String> labels = new TreeMap<>(Manifest.labels(pool.spec().path("template").path("pod").path("metadata")));
            labels.putAll(Map.of("strimzi.io/cluster", cluster, "strimzi.io/kind", "Kafka",
                    "strimzi.io/name", cluster + "-kafka", "strimzi.io/pool-name", pool.name()));
            add(Endpoint.pod(cluster + "-" + pool.name() + "-0", namespace, labels, Set.of(9090, 9091, 9092)));
        }
        for (Manifest kafka : overlay.ofKind("Kafka")) {
            String cluster = kafka.name();
            add(Endpoint.pod(cluster + "-entity-operator", namespace, Map.of("strimzi.io/cluster", cluster,
                    "strimzi.io/kind", "Kafka", "strimzi.io/name", cluster + "-entity-operator"), Set.of()));
            for (JsonNode listener : kafka.spec().path("kafka").path("listeners")) {
                ObjectNode policy = JSON.createObjectNode();
                ObjectNode spec = policy.putObject("spec");
                spec.putObject("podSelector").putObject("matchLabels").put("strimzi.io/name", cluster + "-kafka");
                spec.putArray("policyTypes").add("Ingress");
                ObjectNode rule = spec.putArray("ingress").addObject();
                rule.putArray("ports").addObject().put("protocol", "TCP").put("port", listener.path("port").asInt());
                if (listener.has("networkPolicyPeers")) {
                    rule.set("from", listener.path("networkPolicyPeers"));
                }
                ObjectNode replication = spec.withArray("ingress").addObject();
                replication.putArray("ports").addObject().put("protocol", "TCP").put("port", 9091);
                replication.putArray("from").addObject().putObject("podSelector").putObject("matchLabels")
                        .put("strimzi.io/cluster", cluster);
                policies.add(policy);
            }
        }
        for (Manifest database : overlay.ofKind("Cluster")) {
            Map<String, String> labels = new TreeMap<>(Manifest.labels(database.spec().path("inheritedMetadata")));
            labels.putAll(Map.of("cnpg.io/cluster", database.name(), "cnpg.io/podRole", "instance"));
            add(Endpoint.pod(database.name() + "-1", namespace, labels, Set.of(5432, 8000)));
        }
        for (Manifest keycloak : overlay.ofKind("Keycloak")) {
            add(Endpoint.pod(keycloak.name() + "-0", namespace, Map.of("app", "keycloak",
                    "app.kubernetes.io/managed-by", "keycloak-operator", "app.kubernetes.io/instance", keycloak.name()),
                    Set.of(8080, 9000, 7800)));
            JsonNode networkPolicy = keycloak.spec().path("networkPolicy");
            if (networkPolicy.path("enabled").asBoolean(true)) {
                ObjectNode policy = JSON.createObjectNode();
                ObjectNode spec = policy.putObject("spec");
                spec.putObject("podSelector").putObject("matchLabels").put("app.kubernetes.io/instance", keycloak.name());
                spec.putArray("policyTypes").add("Ingress");
                for (var endpoint : Map.of("http", 8080, "management", 9000).entrySet()) {
                    ObjectNode rule = spec.withArray("ingress").addObject();
                    rule.putArray("ports").addObject().put("protocol", "TCP").put("port", endpoint.getValue());
                    if (networkPolicy.has(endpoint.getKey())) {
                        rule.set("from", networkPolicy.path(endpoint.getKey()));
                    }
                }
                policies.add(policy);
            }
        }
    }
}

package dev.omnichannel.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.omnichannel.k8s.NetworkModel.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may talk to whom, evaluated over every pod of each overlay: default deny; only the gateway
 * is reachable from outside; the services accept only the gateway (customer-service also
 * messaging-service, which asks it for personal data keys); each service reaches only its
 * database, Kafka and Keycloak (messaging also SMTP, HTTPS providers and customer-service, the
 * gateway also the three services), and the tracing collector where there is one; a database
 * accepts only its own service (the gateway's holds its view model).
 */
class NetworkPolicyTest {

    private static final Endpoint INTERNET = Endpoint.external("203.0.113.7");
    private static final Set<Integer> PROBED_PORTS = Set.of(25, 443, 465, 587, 3025, 4317, 5432, 8000, 8080, 8081, 8082,
            8083, 9000, 9092, 9093);

    static List<String> overlays() {
        return Repository.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everything_is_denied_unless_allowed_and_every_pod_resolves_names(String name) {
        Overlay overlay = Overlay.of(name);
        JsonNode deny = overlay.get("NetworkPolicy", "default-deny").spec();
        assertTrue(deny.path("podSelector").isEmpty(), "default-deny selects every pod");
        assertEquals(List.of("Ingress", "Egress"), WorkloadRulesTest.texts(deny.path("policyTypes")));
        assertTrue(deny.path("ingress").isMissingNode() && deny.path("egress").isMissingNode(), "default-deny allows nothing");

        NetworkModel model = new NetworkModel(overlay);
        Endpoint dns = model.podInOtherNamespace("kube-system", Map.of("k8s-app", "kube-dns"));
        for (Endpoint pod : model.pods.values()) {
            assertTrue(model.allowed(pod, dns, 53, "UDP") && model.allowed(pod, dns, 53, "TCP"), pod + " resolves names");
            assertFalse(model.allowed(pod, model.podInOtherNamespace("kube-system", Map.of("k8s-app", "other")), 53, "UDP"),
                    pod + " reaches only the DNS pods of kube-system");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void only_the_gateway_is_reachable_from_outside_the_namespace(String name) {
        NetworkModel model = new NetworkModel(Overlay.of(name));
        List<Endpoint> outsiders = List.of(INTERNET,
                model.podInOtherNamespace("ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx")),
                model.podInOtherNamespace("some-team", Map.of("app", "curious")),
                model.podInOtherNamespace("monitoring", Map.of("app", "prometheus")),
                model.podInOtherNamespace("monitoring", Map.of("app.kubernetes.io/name", "prometheus")),
                model.podInOtherNamespace("cnpg-system", Map.of("app.kubernetes.io/name", "cloudnative-pg")));
        List<String> reachable = new ArrayList<>();
        for (Endpoint outsider : outsiders) {
            for (Endpoint pod : model.pods.values()) {
                for (int port : ports(pod)) {
                    boolean gateway = pod.name().equals("gateway") && port == 8080;
                    if (!gateway && model.allowed(outsider, pod, port) && !documentedException(outsider, pod, port)) {
                        reachable.add(outsider + " -> " + pod + ":" + port);
                    }
                }
            }
            assertTrue(model.allowed(outsider, model.pod("gateway"), 8080), outsider + " reaches the gateway");
        }
        assertEquals(List.of(), reachable, "reachable from outside the namespace besides the gateway");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void the_services_accept_calls_from_the_gateway_only_and_customer_service_from_messaging(String name) {
        NetworkModel model = new NetworkModel(Overlay.of(name));
        List<String> wrong = new ArrayList<>();
        for (String service : Repository.CALLED_SERVICES) {
            Endpoint target = model.pod(service);
            for (Endpoint caller : model.pods.values()) {
                boolean expected = caller.name().equals("gateway") || keysOfCustomerService(caller.name(), service);
                if (caller != target && model.allowed(caller, target, Repository.port(service)) != expected) {
                    wrong.add(caller + " -> " + service + (expected ? " refused" : " allowed"));
                }
                // Defence in depth: the service's own ingress rules refuse the caller too.
                if (caller != target && model.ingressAllows(caller, target, Repository.port(service)) != expected) {
                    wrong.add(caller + " -> " + service + (expected ? " refused" : " admitted") + " by its ingress rules");
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void each_service_reaches_only_what_it_needs(String name) {
        NetworkModel model = new NetworkModel(Overlay.of(name));
        List<String> wrong = new ArrayList<>();
        for (String service : Repository.SERVICES) {
            Endpoint source = model.pod(service);
            List<Endpoint> targets = new ArrayList<>(model.pods.values());
            targets.add(INTERNET);
            targets.add(model.podInOtherNamespace("other", Map.of("app", "kafka")));
            for (Endpoint target : targets) {
                if (target == source) {
                    continue;
                }
                for (int port : PROBED_PORTS) {
                    boolean expected = needs(service, target, port);
                    if (model.allowed(source, target, port) != expected) {
                        wrong.add(service + " -> " + target + ":" + port + (expected ? " refused" : " allowed"));
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void a_database_accepts_only_its_own_service(String name) {
        NetworkModel model = new NetworkModel(Overlay.of(name));
        List<Endpoint> databases = model.pods.values().stream()
                .filter(pod -> pod.labels().keySet().stream().anyMatch(key -> key.startsWith("database.omnichannel.dev/"))).toList();
        assertFalse(databases.isEmpty(), "databases found by their database.omnichannel.dev labels");
        List<String> wrong = new ArrayList<>();
        for (Endpoint database : databases) {
            for (Endpoint client : model.pods.values()) {
                if (client == database || sameCluster(client, database)) {
                    continue;
                }
                String app = client.labels().getOrDefault("app", "");
                String db = app.equals("keycloak") ? "keycloak" : Repository.SERVICES_WITH_DATABASE.contains(app) ? Repository.database(app) : null;
                boolean expected = db != null && "true".equals(database.labels().get("database.omnichannel.dev/" + db));
                if (model.allowed(client, database, 5432) != expected) {
                    wrong.add(client + " -> " + database + ":5432" + (expected ? " refused" : " allowed"));
                }
                if (model.ingressAllows(client, database, 5432) != expected) {
                    wrong.add(client + " -> " + database + ":5432" + (expected ? " refused" : " admitted") + " by its ingress rules");
                }
            }
        }
        assertEquals(List.of(), wrong);
        if (name.equals("prod")) {
            assertEquals(5, databases.size(), "prod: one PostgreSQL cluster per database");
        }
    }

    /** What each service needs, from the architecture: nothing else may be allowed. */
    private static boolean needs(String service, Endpoint target, int port) {
        if (!target.isPod()) {
            return service.equals("messaging-service") && Set.of(443, 465, 587).contains(port);
        }
        String app = target.labels().getOrDefault("app", "");
        if (!target.namespace().startsWith("omnichannel")) {
            return false;
        }
        if (app.equals("kafka") && port == 9092 || app.equals("keycloak") && port == 8080) {
            return true;
        }
        if (port == 4317 && "opentelemetry-collector".equals(target.labels().get("app.kubernetes.io/component"))) {
            return true; // spans, to the collector (prod)
        }
        if (service.equals("gateway") && Repository.CALLED_SERVICES.contains(app) && port == Repository.port(app)) {
            return true;
        }
        if (keysOfCustomerService(service, app) && port == Repository.port(app)) {
            return true;
        }
        if (service.equals("messaging-service") && app.equals("greenmail") && port == 3025) {
            return true;
        }
        return port == 5432 && "true".equals(target.labels().get("database.omnichannel.dev/" + Repository.database(service)));
    }

    /** messaging-service opens customer-service's sealed snapshots with keys it asks customer-service for. */
    private static boolean keysOfCustomerService(String caller, String service) {
        return caller.equals("messaging-service") && service.equals("customer-service");
    }

    /**
     * Outside sources that may reach something else than the gateway, each on purpose: the
     * CloudNativePG operator reaches its instance managers, the ingress controller Keycloak's login
     * pages (browsers log in there), the monitoring namespace Keycloak's management port, and
     * Prometheus (app.kubernetes.io/name: prometheus in monitoring) each service's HTTP port, to
     * scrape /q/metrics (prod, components/monitoring).
     */
    private static boolean documentedException(Endpoint outsider, Endpoint pod, int port) {
        return outsider.isPod() && switch (outsider.namespace()) {
            case "cnpg-system" -> pod.labels().containsKey("cnpg.io/cluster") && port == 8000;
            case "ingress-nginx" -> "keycloak-operator".equals(pod.labels().get("app.kubernetes.io/managed-by")) && port == 8080;
            case "monitoring" -> "keycloak-operator".equals(pod.labels().get("app.kubernetes.io/managed-by")) && port == 9000
                    || "prometheus".equals(outsider.labels().get("app.kubernetes.io/name"))
                    && Repository.SERVICES.contains(pod.labels().getOrDefault("app", "")) && port == Repository.port(pod.labels().get("app"));
            default -> false;
        };
    }

    private static boolean sameCluster(Endpoint a, Endpoint b) {
        String cluster = b.labels().get("cnpg.io/cluster");
        return cluster != null && cluster.equals(a.labels().get("cnpg.io/cluster"));
    }

    private static Set<Integer> ports(Endpoint pod) {
        Set<Integer> ports = new TreeSet<>(PROBED_PORTS);
        ports.addAll(pod.ports());
        return ports;
    }
}

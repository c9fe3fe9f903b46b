package dev.omnichannel.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.omnichannel.k8s.NetworkModel.Endpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Metrics: the rules of infra/prometheus (checked and unit-tested by promtool), which prod's
 * PrometheusRule carries unchanged; the PodMonitor that scrapes the four services with the labels
 * the rules expect; the Grafana dashboard, which asks only for metrics the suite exports.
 */
class MonitoringTest {

    private static final Path PROMETHEUS = Repository.ROOT.resolve("infra/prometheus");
    private static final YAMLMapper YAML = new YAMLMapper();
    /** The services' metrics the rules and the dashboard are built on (Prometheus names, as Quarkus Micrometer exports them). */
    private static final Set<String> EXPORTED = Set.of("up", "http_server_requests_seconds_bucket", "http_server_requests_seconds_count",
            "gateway_view_served_total", "gateway_view_partial_total", "gateway_view_part_age_seconds_bucket",
            "gateway_view_feed_delay_seconds", "omni_outbox_pending_rows", "omni_outbox_oldest_age_seconds",
            "kafka_consumer_fetch_manager_records_lag_max", "inventory_holds_total", "inventory_holds_waiting", "messaging_messages_total");
    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right", "bool",
            "and", "or", "unless", "offset", "inf", "nan");

    @Test
    void promtool_accepts_the_rules_and_the_local_prometheus_config() {
        promtool("check", "rules", "rules.yml");
        promtool("check", "config", "prometheus.yml");
    }

    @Test
    void the_rules_unit_tests_pass() {
        promtool("test", "rules", "rules-test.yml");
    }

    @Test
    void prods_prometheus_rule_carries_exactly_the_groups_of_rules_yml() {
        JsonNode rule = Overlay.of("prod").get("PrometheusRule", "omnichannel").spec();
        assertEquals(List.of("groups"), fieldNames(rule));
        String refresh = "k8s/components/monitoring/prometheus-rules.yaml must carry the groups of infra/prometheus/rules.yml:"
                + " refresh it with the two commands of its header";
        assertEquals(ruleNames(rules().path("groups")), ruleNames(rule.path("groups")), refresh);
        List<String> changed = new ArrayList<>();
        for (int g = 0; g < rule.path("groups").size(); g++) {
            JsonNode expected = rules().path("groups").path(g).path("rules");
            JsonNode actual = rule.path("groups").path(g).path("rules");
            for (int r = 0; r < actual.size(); r++) {
                if (!expected.path(r).equals(actual.path(r))) {
                    changed.add(actual.path(r).path("record").asText(actual.path(r).path("alert").asText()));
                }
            }
        }
        assertEquals(List.of(), changed, "rules that differ; " + refresh);
        assertEquals(rules().path("groups"), rule.path("groups"), refresh);
    }

    @Test
    void prod_scrapes_the_four_services_on_their_http_port_with_the_labels_the_rules_use() {
        Overlay prod = Overlay.of("prod");
        List<Manifest> monitors = prod.ofKind("PodMonitor");
        assertEquals(1, monitors.size(), "prod's PodMonitors");
        JsonNode spec = monitors.getFirst().spec();
        assertEquals(1, spec.path("podMetricsEndpoints").size());
        JsonNode endpoint = spec.path("podMetricsEndpoints").path(0);
        assertEquals("/q/metrics", endpoint.path("path").asText());
        JsonNode service = relabeling(endpoint, "service");
        JsonNode job = relabeling(endpoint, "job");
        assertEquals(localJobName(), job.path("replacement").asText(), "the job of the local scrape config (ServiceDown's up{job=...})");

        List<String> selected = new ArrayList<>();
        for (Manifest workload : prod.workloads()) {
            if (NetworkModel.matches(spec.path("selector"), Manifest.labels(workload.podTemplate().orElseThrow().path("metadata")))) {
                selected.add(workload.name());
            }
        }
        assertEquals(new TreeSet<>(Repository.SERVICES), new TreeSet<>(selected), "the pods the PodMonitor selects");

        for (String name : Repository.SERVICES) {
            Map<String, String> labels = Manifest.labels(prod.get("Deployment", name).podTemplate().orElseThrow().path("metadata"));
            List<String> sources = WorkloadRulesTest.texts(service.path("sourceLabels"));
            assertEquals(1, sources.size(), "service comes from one pod label");
            String value = labels.entrySet().stream()
                    .filter(label -> ("__meta_kubernetes_pod_label_" + label.getKey().replaceAll("[^a-zA-Z0-9_]", "_")).equals(sources.getFirst()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            assertEquals(name, value, name + "'s pods get service=" + name + " from " + sources.getFirst());
            int port = WorkloadRulesTest.stream(prod.serviceContainer(name).path("ports"))
                    .filter(p -> p.path("name").asText().equals(endpoint.path("port").asText()))
                    .mapToInt(p -> p.path("containerPort").asInt()).findFirst().orElse(-1);
            assertEquals(Repository.port(name), port, name + "'s port named " + endpoint.path("port").asText());
        }
    }

    @Test
    void prometheus_in_the_monitoring_namespace_may_scrape_each_service() {
        NetworkModel model = new NetworkModel(Overlay.of("prod"));
        Endpoint prometheus = model.podInOtherNamespace("monitoring", Map.of("app.kubernetes.io/name", "prometheus"));
        for (String service : Repository.SERVICES) {
            assertTrue(model.allowed(prometheus, model.pod(service), Repository.port(service)), "Prometheus -> " + service);
        }
    }

    @Test
    void the_dashboard_is_loaded_by_grafanas_sidecar_and_asks_only_for_known_metrics() throws IOException {
        Manifest configMap = Overlay.of("prod").get("ConfigMap", "omnichannel-dashboard");
        assertEquals("1", configMap.json().path("metadata").path("labels").path("grafana_dashboard").asText());
        String json = configMap.json().path("data").path("dashboard.json").asText();
        assertEquals(Repository.read(Repository.K8S.resolve("components/monitoring/dashboard.json")), json);
        JsonNode dashboard = new ObjectMapper().readTree(json);

        Set<String> known = new TreeSet<>(EXPORTED);
        List<String> unknownInRules = new ArrayList<>();
        for (JsonNode group : rules().path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (rule.has("record")) {
                    known.add(rule.path("record").asText());
                }
            }
        }
        for (JsonNode group : rules().path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                metricNames(rule.path("expr").asText()).stream().filter(m -> !known.contains(m)).forEach(unknownInRules::add);
            }
        }
        assertEquals(List.of(), unknownInRules, "metrics of rules.yml neither exported nor recorded");

        Set<String> used = new TreeSet<>();
        List<String> unknown = new ArrayList<>();
        Set<Integer> ids = new TreeSet<>();
        for (JsonNode panel : panels(dashboard)) {
            assertTrue(ids.add(panel.path("id").asInt()), "panel ids are unique: " + panel.path("id"));
            assertFalse(panel.path("targets").isEmpty(), panel.path("title") + " has queries");
            for (JsonNode target : panel.path("targets")) {
                for (String metric : metricNames(target.path("expr").asText())) {
                    used.add(metric);
                    if (!known.contains(metric)) {
                        unknown.add(panel.path("title").asText() + ": " + metric);
                    }
                }
            }
        }
        assertEquals(List.of(), unknown, "dashboard queries of metrics neither in rules.yml nor exported");
        // a panel for each objective: view p99, partial share, part age, view model delay, outbox, lag, holds, messages, 5xx
        assertTrue(used.containsAll(Set.of("omni:view_latency_seconds:p99_5m", "omni:view_partial_ratio:rate5m",
                "omni:view_part_age_seconds:p99_5m", "gateway_view_feed_delay_seconds", "omni_outbox_oldest_age_seconds",
                "omni_outbox_pending_rows", "omni:consumer_lag:max", "inventory_holds_total", "messaging_messages_total",
                "http_server_requests_seconds_count")), "the dashboard shows " + used);
    }

    @Test
    void metric_names_are_found_in_promql() {
        assertEquals(Set.of("a_total", "b:c:rate5m"), metricNames(
                "sum by (le, service) (rate(a_total{service=\"gateway\", uri=~\"/x.*\"}[5m])) / ignoring (outcome) group_left"
                        + " b:c:rate5m offset 1m > 1e3 and on() vector(1)"));
    }

    /** The metric (or recorded series) names of a PromQL expression: not functions, labels, strings, durations or keywords. */
    static Set<String> metricNames(String expr) {
        String bare = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher name = Pattern.compile("(?<![\\w.:])([a-zA-Z_:][\\w:]*+)(?!\\s*\\()").matcher(bare);
        while (name.find()) {
            if (!PROMQL_WORDS.contains(name.group(1).toLowerCase())) {
                names.add(name.group(1));
            }
        }
        return names;
    }

    /** group name: record or alert names, in order. */
    private static List<String> ruleNames(JsonNode groups) {
        List<String> names = new ArrayList<>();
        for (JsonNode group : groups) {
            List<String> rules = WorkloadRulesTest.stream(group.path("rules"))
                    .map(r -> r.path("record").asText(r.path("alert").asText())).toList();
            names.add(group.path("name").asText() + ": " + String.join(", ", rules));
        }
        return names;
    }

    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add); // collapsed rows hold their panels
        }
        assertFalse(panels.isEmpty(), "the dashboard has panels");
        return panels;
    }

    private static JsonNode relabeling(JsonNode endpoint, String targetLabel) {
        return WorkloadRulesTest.stream(endpoint.path("relabelings"))
                .filter(r -> r.path("targetLabel").asText().equals(targetLabel)).findFirst()
                .orElseThrow(() -> new AssertionError("the PodMonitor sets no " + targetLabel + " label"));
    }

    private static String localJobName() {
        return readYaml(PROMETHEUS.resolve("prometheus.yml")).path("scrape_configs").path(0).path("job_name").asText();
    }

    private static JsonNode rules() {
        return readYaml(PROMETHEUS.resolve("rules.yml"));
    }

    private static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Runs promtool in infra/prometheus; fails with its output. */
    private static void promtool(String... args) {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(PROMETHEUS.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("promtool is needed to check infra/prometheus and was not found on the PATH: "
                    + "`./omni start prometheus` installs it (Debian's prometheus package). " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("promtool " + String.join(" ", args) + " did not finish:\n" + output);
            }
            assertEquals(0, process.exitValue(), () -> "promtool " + String.join(" ", args) + " in infra/prometheus:\n" + output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

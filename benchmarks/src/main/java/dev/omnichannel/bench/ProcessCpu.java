package dev.omnichannel.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time per component of the suite (each service, PostgreSQL, Kafka, the load generator...), from
 * /proc/&lt;pid&gt;/stat: where the machine's time goes during a run. Processes that start and end between
 * two snapshots are not counted.
 */
final class ProcessCpu {

    private ProcessCpu() {
    }

    /** Busy CPU milliseconds (user + system) of every live process, summed by component. */
    static Map<String, Double> snapshot() {
        Map<String, Double> byComponent = new TreeMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(dir -> {
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double millis = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MachineCpu.MILLIS_PER_TICK;
                    String command = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8);
                    byComponent.merge(component(command), millis, Double::sum);
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            });
        } catch (IOException e) {
            return Map.of(); // not Linux: the figure is left out
        }
        return byComponent;
    }

    /**
     * "component ms, ..." per unit of work between two snapshots (units may be thousands of answers, for figures in
     * microseconds), largest first, components under 1 % left out; no unit of work counts as one.
     */
    static String perUnit(Map<String, Double> before, Map<String, Double> after, double units) {
        double per = units > 0 ? units : 1;
        double total = after.entrySet().stream().mapToDouble(e -> e.getValue() - before.getOrDefault(e.getKey(), 0.0)).sum();
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0.0)))
                .filter(e -> e.getValue() >= total / 100)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> "%s %.1f".formatted(e.getKey(), e.getValue() / per))
                .collect(Collectors.joining(", "));
    }

    private static String component(String command) {
        for (String service : new String[] { "customer-service", "inventory-service", "messaging-service", "gateway" }) {
            if (command.contains("/" + service + "/target/")) {
                return service;
            }
        }
        if (command.startsWith("postgres")) {
            return "postgres";
        }
        if (command.contains("kafka.Kafka")) {
            return "kafka";
        }
        if (command.contains("keycloak")) {
            return "keycloak";
        }
        if (command.contains("zipkin")) {
            return "zipkin";
        }
        if (command.startsWith("wrk")) {
            return "wrk (load)";
        }
        return "other";
    }
}

package dev.omnichannel.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's report: prints the table with the machine, the JVM, the command and the notes, appends
 * it to benchmarks/RESULTS.md and writes the figures to benchmarks/results.json.
 */
final class BenchReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final int seconds;

    /** {@code seconds}: the length of each load run, as the report states it. */
    BenchReport(Path root, int seconds) {
        this.root = root;
        this.seconds = seconds;
    }

    void write(List<Row> rows, List<String> notes) throws IOException {
        StringBuilder table = new StringBuilder();
        table.append("| what | measured | ceiling beside it (same run) | ratio | target | met |\n");
        table.append("|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            table.append("| %s | %s | %s | %.2f | %s | %s |\n".formatted(row.what(), row.measured(), row.ceiling(),
                    row.ratio(), row.target(), row.met() ? "yes" : "**no**"));
        }
        String commit = Processes.output(List.of("git", "-C", root.toString(), "rev-parse", "--short", "HEAD"), 10).strip();
        String machine = "%d cores, %d GiB, %s".formatted(Runtime.getRuntime().availableProcessors(),
                Math.round(totalMemoryGiB()), cpuModel());
        String section = "\n## %s — commit %s\n\nMachine: %s. JVM: %s. Command: `%s` (%d s per load run).\n\n%s%s"
                .formatted(LocalDate.now(), commit, machine, System.getProperty("java.vm.version"), command(), seconds, table,
                        notes.isEmpty() ? "" : "\n" + String.join("\n", notes.stream().map(n -> "- " + n).toList()) + "\n");
        System.out.println(section);
        Path results = root.resolve("benchmarks/RESULTS.md");
        Files.writeString(results, section, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println("appended to " + results);
        String date = LocalDate.now().toString();
        List<Map<String, Object>> figures = rows.stream().map(row -> {
            Map<String, Object> figure = new LinkedHashMap<>();
            figure.put("what", row.what());
            figure.put("commit", commit);
            figure.put("date", date);
            figure.put("measured", row.measured());
            figure.put("ceiling", row.ceiling());
            figure.put("ratio", Math.round(row.ratio() * 1000) / 1000.0);
            figure.put("target", row.target());
            figure.put("met", row.met());
            return figure;
        }).toList();
        Path json = root.resolve("benchmarks/results.json");
        Files.writeString(json, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(figures) + "\n");
        System.out.println("written to " + json);
    }

    /** The command as it was typed: {@code ./omni bench} and the {@code -Dbench.*} settings it passed. */
    private static String command() {
        StringBuilder command = new StringBuilder("./omni bench");
        System.getProperties().stringPropertyNames().stream().sorted()
                .filter(name -> name.startsWith("bench.") && !name.equals("bench.kafka-latency-classpath"))
                .forEach(name -> command.append(" -D").append(name).append('=').append(System.getProperty(name)));
        return command.toString();
    }

    private static double totalMemoryGiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0;
                }
            }
        } catch (IOException ignored) {
            // not Linux: leave it out
        }
        return 0;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }
}

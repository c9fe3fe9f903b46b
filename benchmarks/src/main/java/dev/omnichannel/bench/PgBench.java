package dev.omnichannel.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Runs pgbench with a custom script against a database of the stack: the database's own ceiling. */
final class PgBench {

    record Result(double tps, double p99Millis) {
    }

    private static final Pattern TPS = Pattern.compile("tps = ([\\d.]+)");

    private final String database;
    private final String user;
    private final String password;
    private final int port;

    PgBench(String database, String user, String password, int port) {
        this.database = database;
        this.user = user;
        this.password = password;
        this.port = port;
    }

    /** Runs SQL once (setup or checks), returning psql's unaligned output. */
    String psql(String sql) {
        return Processes.output(List.of("psql", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", user, "-d", database,
                "-v", "ON_ERROR_STOP=1", "-qtA", "-c", sql), 60, Map.of("PGPASSWORD", password)).strip();
    }

    Result run(String script, int clients, int seconds) {
        return run(script, clients, seconds, "simple");
    }

    /** With server-side prepared statements, as the suite's services use them. */
    Result runPrepared(String script, int clients, int seconds) {
        return run(script, clients, seconds, "prepared");
    }

    private Result run(String script, int clients, int seconds, String protocol) {
        try {
            Path dir = Files.createTempDirectory("pgbench-");
            Path file = dir.resolve("script.sql");
            Files.writeString(file, script);
            List<String> command = new ArrayList<>(List.of("pgbench", "-h", "127.0.0.1", "-p", String.valueOf(port),
                    "-U", user, "-n", "-M", protocol, "-c", String.valueOf(clients), "-j", "2", "-T", String.valueOf(seconds),
                    "-l", "--log-prefix=" + dir.resolve("log"), "-f", file.toString(), database));
            String output = Processes.output(command, seconds + 60, Map.of("PGPASSWORD", password));
            Matcher tps = TPS.matcher(output);
            if (!tps.find()) {
                throw new IllegalStateException("unexpected pgbench output:\n" + output);
            }
            double p99 = p99FromLogs(dir);
            try (Stream<Path> files = Files.list(dir)) {
                files.forEach(path -> path.toFile().delete());
            }
            Files.deleteIfExists(dir);
            return new Result(Double.parseDouble(tps.group(1)), p99);
        } catch (IOException e) {
            throw new IllegalStateException("pgbench failed", e);
        }
    }

    /** pgbench -l writes one line per transaction; the third column is its latency in microseconds. */
    private static double p99FromLogs(Path dir) throws IOException {
        List<Long> latencies = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path log : files.filter(p -> p.getFileName().toString().startsWith("log")).toList()) {
                for (String line : Files.readAllLines(log)) {
                    String[] columns = line.split(" ");
                    if (columns.length > 2) {
                        latencies.add(Long.parseLong(columns[2]));
                    }
                }
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1000.0;
    }

    static double percentile(long[] nanos, double percentile) {
        long[] sorted = Arrays.copyOf(nanos, nanos.length);
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * percentile) - 1)] / 1_000_000.0;
    }
}

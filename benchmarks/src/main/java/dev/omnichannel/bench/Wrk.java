package dev.omnichannel.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs wrk (HTTP load at a fixed number of connections) and reads its latency distribution and status counts. */
final class Wrk {

    /** What one wrk run measured; latencies in milliseconds. */
    record Result(double p50, double p99, double requestsPerSecond, Map<Integer, Long> statuses, long partial,
            double seconds) {

        long count(int status) {
            return statuses.getOrDefault(status, 0L);
        }

        long total() {
            return statuses.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static final String STATUS_SCRIPT = """
            local threads = {}
            function setup(thread) table.insert(threads, thread); thread:set("thread_id", #threads) end
            function init(args) statuses = {}; partial = 0; if prepare then prepare() end end
            function response(status, headers, body)
              statuses[status] = (statuses[status] or 0) + 1
              if body and string.find(body, '"partial":true', 1, true) then partial = partial + 1 end
            end
            function done(summary, latency, requests)
              local total, partials = {}, 0
              for _, t in ipairs(threads) do
                for status, n in pairs(t:get("statuses")) do total[status] = (total[status] or 0) + n end
                partials = partials + t:get("partial")
              end
              for status, n in pairs(total) do io.write(string.format("status %d %d\\n", status, n)) end
              io.write(string.format("partial %d\\n", partials))
            end
            """;

    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)(?:\\.000)?%\\s+([\\d.]+)(us|ms|s)\\s*$");
    private static final Pattern RATE = Pattern.compile("^Requests/sec:\\s+([\\d.]+)");
    private static final Pattern STATUS = Pattern.compile("^status (\\d+) (\\d+)$");
    /** Answers whose JSON says {@code "partial":true} (a personalized view missing a service's part). */
    private static final Pattern PARTIAL = Pattern.compile("^partial (\\d+)$");

    private Wrk() {
    }

    static Result get(String url, String token, int connections, int seconds) {
        return run(url, token, connections, seconds, null);
    }

    static Result post(String url, String token, int connections, int seconds, String jsonBody) {
        return run(url, token, connections, seconds, "wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n"
                + "wrk.body = [[" + jsonBody + "]]\n");
    }

    /** GETs, each with the next token of the file (one per line): as many customers as tokens. */
    static Result getRotatingTokens(String url, Path tokens, int connections, int seconds) {
        return run(url, null, connections, seconds, TOKENS.replace("@TOKENS@", tokens.toAbsolutePath().toString()) + """
                function request()
                  return wrk.format(nil, nil, { ["Authorization"] = "Bearer " .. next_token() })
                end
                """);
    }

    /**
     * POSTs of one JSON body, each with the next token of the file and an Idempotency-Key of its
     * own (unique across runs), as retry-safe clients send them.
     */
    static Result postRotatingTokens(String url, Path tokens, int connections, int seconds, String jsonBody) {
        return run(url, null, connections, seconds, TOKENS.replace("@TOKENS@", tokens.toAbsolutePath().toString())
                + "local body = [[" + jsonBody + "]]\nlocal run_id = \"" + Long.toString(System.currentTimeMillis(), 36)
                + "\"\n" + """
                local keys = 0
                function request()
                  keys = keys + 1
                  return wrk.format("POST", nil, { ["Authorization"] = "Bearer " .. next_token(),
                    ["Content-Type"] = "application/json",
                    ["Idempotency-Key"] = run_id .. "-" .. thread_id .. "-" .. keys }, body)
                end
                """);
    }

    private static final String TOKENS = """
            local tokens = {}
            local token_index = 0
            function prepare()
              for line in io.lines("@TOKENS@") do tokens[#tokens + 1] = line end
            end
            function next_token()
              token_index = token_index % #tokens + 1
              return tokens[token_index]
            end
            """;

    private static Result run(String url, String token, int connections, int seconds, String scriptPrefix) {
        try {
            String script = scriptPrefix == null ? STATUS_SCRIPT : scriptPrefix + STATUS_SCRIPT;
            Path lua = Files.createTempFile("wrk-", ".lua");
            Files.writeString(lua, script);
            List<String> command = new ArrayList<>(List.of("wrk", "-t", "2", "-c", String.valueOf(connections),
                    "-d", seconds + "s", "--latency", "--timeout", "10s", "-s", lua.toString()));
            if (token != null) {
                command.addAll(List.of("-H", "Authorization: Bearer " + token));
            }
            command.add(url);
            String output = Processes.output(command, seconds + 60);
            Files.deleteIfExists(lua);
            return parse(output, seconds);
        } catch (IOException e) {
            throw new IllegalStateException("wrk failed on " + url, e);
        }
    }

    private static Result parse(String output, int seconds) {
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        double rate = Double.NaN;
        Map<Integer, Long> statuses = new HashMap<>();
        long partial = 0;
        for (String line : output.split("\n")) {
            Matcher percentile = PERCENTILE.matcher(line);
            if (percentile.matches()) {
                double millis = toMillis(Double.parseDouble(percentile.group(2)), percentile.group(3));
                if (percentile.group(1).equals("50")) {
                    p50 = millis;
                } else {
                    p99 = millis;
                }
            }
            Matcher requests = RATE.matcher(line);
            if (requests.find()) {
                rate = Double.parseDouble(requests.group(1));
            }
            Matcher status = STATUS.matcher(line.strip());
            if (status.matches()) {
                statuses.put(Integer.parseInt(status.group(1)), Long.parseLong(status.group(2)));
            }
            Matcher partials = PARTIAL.matcher(line.strip());
            if (partials.matches()) {
                partial = Long.parseLong(partials.group(1));
            }
        }
        if (Double.isNaN(p99)) {
            throw new IllegalStateException("unexpected wrk output:\n" + output);
        }
        return new Result(p50, p99, rate, statuses, partial, seconds);
    }

    private static double toMillis(double value, String unit) {
        return switch (unit) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}

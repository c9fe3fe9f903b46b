package dev.omnichannel.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts one service from its jar, times it to ready, and reads its resident memory. */
final class ServiceStartup {

    record Result(String service, String mode, double readySeconds, long rssAfterStartMb, long rssUnderLoadMb) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();

    private final Path root;
    private final Path java;

    ServiceStartup(Path root, Path java) {
        this.root = root;
        this.java = java;
    }

    /** Runs the service once with {@code -XX:AOTCacheOutput}: the JDK writes the AOT cache when it exits. */
    Path trainAotCache(String service, int port, String loadUrl, String token) {
        Path cache = root.resolve(".omni/bench/" + service + ".aot");
        try {
            Files.createDirectories(cache.getParent());
            Files.deleteIfExists(cache);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        measure(service, port, "training", List.of("-XX:AOTCacheOutput=" + cache), loadUrl, token);
        if (!Files.exists(cache)) {
            throw new IllegalStateException("the JDK wrote no AOT cache for " + service);
        }
        return cache;
    }

    Result measure(String service, int port, String mode, List<String> jvmOptions, String loadUrl, String token) {
        Path app = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Xmx384m", "-jar", app.toString()));
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(root.resolve(".omni/logs/bench-" + service + "-" + mode + ".log").toFile());
            builder.environment().put("OMNI_DEMO_DATA", "false");
            long start = System.nanoTime();
            Process process = builder.start();
            try {
                awaitReady(process, port);
                double readySeconds = (System.nanoTime() - start) / 1e9;
                long rssAfterStart = rssMb(process.pid());
                Wrk.get(loadUrl, token, 16, 5);
                long rssUnderLoad = rssMb(process.pid());
                return new Result(service, mode, readySeconds, rssAfterStart, rssUnderLoad);
            } finally {
                process.destroy(); // SIGTERM: Quarkus shuts down, the JVM exits (and writes an AOT cache if asked)
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + service, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitReady(Process process, int port) throws InterruptedException {
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited while starting (see .omni/logs/bench-*.log)");
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("not ready after 120 s");
    }

    private static long rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return -1;
    }
}

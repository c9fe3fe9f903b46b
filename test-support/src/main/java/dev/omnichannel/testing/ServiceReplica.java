package dev.omnichannel.testing;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One more replica of a service (or of the gateway) beside the stack's: the same database, the
 * same consumer groups, the same topics, as another pod would be. Started from the built
 * application with the JDK running the caller, on its own port; stopped by {@link #close()}.
 */
public final class ServiceReplica implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final String url;

    private ServiceReplica(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /**
     * @param root        the project's root folder (the module must be built)
     * @param module      {@code gateway}, {@code inventory-service}...
     * @param port        the replica's HTTP port
     * @param environment more of its configuration, e.g. {@code OMNI_RATE_LIMIT_ENABLED=false}
     * @param log         where its output goes
     */
    public static ServiceReplica start(File root, String module, int port, Map<String, String> environment, File log) {
        File app = new File(root, module + "/target/quarkus-app/quarkus-run.jar");
        try {
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-jar", app.getAbsolutePath())
                    .redirectErrorStream(true).redirectOutput(log);
            builder.environment().putAll(environment);
            builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
            ServiceReplica replica = new ServiceReplica(builder.start(), "http://localhost:" + port);
            try {
                replica.awaitReady(log);
            } catch (RuntimeException notReady) {
                replica.close(); // a replica left behind would keep partitions of the view's consumer group
                throw notReady;
            }
            return replica;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a replica from " + app, e);
        }
    }

    public String url() {
        return url;
    }

    private void awaitReady(File log) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the replica exited while starting; see " + log);
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // refused until it listens, and tried again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        throw new IllegalStateException("the replica was not ready within 2 minutes; see " + log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

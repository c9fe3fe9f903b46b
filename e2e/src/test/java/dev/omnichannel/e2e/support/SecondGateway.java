package dev.omnichannel.e2e.support;

import static io.restassured.RestAssured.given;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A second replica of the gateway beside the stack's (port 8090): the same database, the same
 * consumer group, the same topics, as a second pod would be. Started from the built application
 * with the JDK running the tests; stopped by {@link #close()}.
 */
public final class SecondGateway implements AutoCloseable {

    public static final String URL = "http://localhost:8090";
    private static final File ROOT = new File(System.getProperty("omni.root", ".."));

    private final Process process;

    private SecondGateway(Process process) {
        this.process = process;
    }

    public static SecondGateway start() {
        File app = new File(ROOT, "gateway/target/quarkus-app/quarkus-run.jar");
        File log = new File(ROOT, "e2e/target/second-gateway.log");
        try {
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-jar", app.getAbsolutePath())
                    .redirectErrorStream(true).redirectOutput(log);
            builder.environment().put("QUARKUS_HTTP_PORT", "8090");
            builder.environment().put("OMNI_RATE_LIMIT_ENABLED", "false");
            SecondGateway gateway = new SecondGateway(builder.start());
            try {
                gateway.awaitReady(log);
            } catch (RuntimeException notReady) {
                gateway.close(); // a replica left behind would keep partitions of the view's consumer group
                throw notReady;
            }
            return gateway;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a second gateway from " + app, e);
        }
    }

    private void awaitReady(File log) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the second gateway exited while starting; see " + log);
            }
            try {
                if (given().baseUri(URL).get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notYetListening) { // refused until it listens (a checked exception, rethrown by RestAssured)
                // and tried again
            }
            sleep();
        }
        throw new IllegalStateException("the second gateway was not ready within 2 minutes; see " + log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

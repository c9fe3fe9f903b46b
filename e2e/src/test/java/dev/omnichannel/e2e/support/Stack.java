package dev.omnichannel.e2e.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts components of the running stack through ./omni, for the outage invariants, and
 * kills them as a crash would (the chaos scenarios): {@code .omni/run/<name>.pid} is the group ./omni
 * started each in.
 */
public final class Stack {

    private static final File ROOT = new File(System.getProperty("omni.root", ".."));

    private static final Duration SIGNAL_LIMIT = Duration.ofSeconds(30);

    private Stack() {
    }

    public static void stop(String component) {
        omni("stop", component);
    }

    public static void start(String component) {
        omni("start", component);
    }

    /** {@code kill -9} of the component's whole process group: no shutdown hook, no flush, no goodbye to the broker. */
    public static void kill(String component) {
        String pid = pid(component);
        run(List.of("kill", "-KILL", "--", "-" + pid), SIGNAL_LIMIT);
        Path status = Path.of("/proc", pid, "stat");
        for (int waited = 0; waited < 100 && Files.exists(status); waited++) {
            try {
                if (Files.readString(status).replaceFirst(".*\\) ", "").startsWith("Z")) {
                    return; // dead, not yet reaped by its parent
                }
                Thread.sleep(100);
            } catch (IOException gone) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** PostgreSQL's immediate shutdown (SIGQUIT to the postmaster): every session cut, crash recovery at the next start. */
    public static void stopPostgresImmediately() {
        run(List.of("kill", "-QUIT", postmasterPid()), SIGNAL_LIMIT);
    }

    /** The resident memory of the component's process, in KiB. */
    public static long residentKiB(String component) {
        try {
            return Files.readAllLines(Path.of("/proc", pid(component), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst().orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException(component + " is not running", e);
        }
    }

    private static String pid(String component) {
        try {
            return Files.readString(ROOT.toPath().resolve(".omni/run/" + component + ".pid")).strip();
        } catch (IOException e) {
            throw new IllegalStateException(component + " was not started by ./omni", e);
        }
    }

    private static String postmasterPid() {
        try {
            return Files.readAllLines(ROOT.toPath().resolve(".omni/postgres/data/postmaster.pid")).getFirst().strip();
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL of .omni/postgres is not running", e);
        }
    }

    private static void run(List<String> command, Duration limit) {
        try {
            Process process = new ProcessBuilder(command).directory(ROOT).inheritIO().start();
            if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + " in " + ROOT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void omni(String command, String component) {
        run(List.of(new File(ROOT, "omni").getAbsolutePath(), command, component), Duration.ofMinutes(5));
    }
}

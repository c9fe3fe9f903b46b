package dev.omnichannel.e2e.support;

import java.io.File;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Stops and starts components of the running stack through ./omni, for the outage invariants. */
public final class Stack {

    private static final File ROOT = new File(System.getProperty("omni.root", ".."));

    private Stack() {
    }

    public static void stop(String component) {
        omni("stop", component);
    }

    public static void start(String component) {
        omni("start", component);
    }

    private static void omni(String command, String component) {
        try {
            Process process = new ProcessBuilder(new File(ROOT, "omni").getAbsolutePath(), command, component)
                    .directory(ROOT).inheritIO().start();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("./omni " + command + " " + component + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run ./omni in " + ROOT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

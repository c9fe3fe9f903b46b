package dev.omnichannel.gateway.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Captures what the gateway logs about refused attempts (category omni.gateway.refusals). */
public final class RefusalLog extends Handler implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger("omni.gateway.refusals");

    private RefusalLog() {
        logger.addHandler(this);
    }

    public static RefusalLog capture() {
        return new RefusalLog();
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void publish(LogRecord record) {
        String message = record.getMessage();
        Object[] parameters = record.getParameters();
        lines.add(parameters == null || parameters.length == 0 ? message : String.format(message, parameters));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}

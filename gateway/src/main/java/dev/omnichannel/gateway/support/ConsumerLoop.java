package dev.omnichannel.gateway.support;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * A Kafka consumer on a thread of its own: {@code consume} polls until {@link #isRunning()} turns
 * false; a failure (broker gone, database gone) closes the consumer and starts a new one two
 * seconds later, which resumes where its owner says. The consumer's own metrics (its lag per
 * partition above all) are in the registry while it runs.
 */
public final class ConsumerLoop {

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final String name;
    private final Supplier<Properties> config;
    private final Consumer<KafkaConsumer<String, String>> consume;
    private final MeterRegistry metrics;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean running;
    private Thread thread;

    public ConsumerLoop(String name, Supplier<Properties> config, Consumer<KafkaConsumer<String, String>> consume,
            MeterRegistry metrics) {
        this.name = name;
        this.config = config;
        this.consume = consume;
        this.metrics = metrics;
    }

    public void start() {
        running = true;
        thread = Thread.ofPlatform().name(name).daemon().start(this::run);
    }

    public void stop() throws InterruptedException {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(Duration.ofSeconds(5));
        }
    }

    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(config.get());
                    KafkaClientMetrics kafkaMetrics = new KafkaClientMetrics(kafka)) {
                kafkaMetrics.bindTo(metrics);
                consumer = kafka;
                consume.accept(kafka);
            } catch (WakeupException stopping) {
                return;
            } catch (RuntimeException e) {
                LOG.warnf(e, "%s interrupted; reconnecting", name);
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(RETRY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

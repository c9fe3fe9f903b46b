package dev.omnichannel.gateway.availability.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.gateway.availability.service.StockReadModel;
import dev.omnichannel.gateway.config.FeedConfig;
import dev.omnichannel.gateway.support.RecordSpans;
import dev.omnichannel.gateway.support.TopicReader;
import dev.omnichannel.shared.events.CloudEvent;
import dev.omnichannel.shared.events.inventory.StockLevelChanged;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/** Feeds {@link StockReadModel} from the compacted {@code inventory.stock}, read whole by every replica. */
@ApplicationScoped
public class StockFeed {

    private static final Logger LOG = Logger.getLogger(StockFeed.class);

    private final StockReadModel model;
    private final ObjectMapper json;
    private final TopicReader reader;
    private final boolean enabled;

    public StockFeed(StockReadModel model, FeedConfig config, ObjectMapper json, RecordSpans spans,
            MeterRegistry metrics) {
        this.model = model;
        this.json = json;
        this.enabled = config.enabled();
        this.reader = new TopicReader("stock-feed", config.stockTopic(), config.bootstrapServers(), config.pollTimeout(),
                this::apply, model::versionsMayHaveChanged, spans, metrics);
    }

    void start(@Observes StartupEvent startup) {
        if (enabled) {
            reader.start();
        } else {
            LOG.info("stock feed disabled: availability comes from inventory-service");
        }
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        reader.stop();
    }

    public TopicReader reader() {
        return reader;
    }

    /** True once the model has read the topic up to its end as it was at start: answers are then current. */
    public boolean isCaughtUp() {
        return reader.isCaughtUp();
    }

    private void apply(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            String[] key = record.key() == null ? new String[0] : record.key().split("@", 2);
            if (key.length == 2) {
                model.remove(key[0], key[1]);
            }
            return;
        }
        try {
            CloudEvent event = json.readValue(record.value(), CloudEvent.class);
            if (StockLevelChanged.TYPE.equals(event.type())) {
                model.apply(event.dataAs(json, StockLevelChanged.class));
            }
        } catch (Exception e) {
            LOG.warnf("skipped an unreadable record at %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }
}

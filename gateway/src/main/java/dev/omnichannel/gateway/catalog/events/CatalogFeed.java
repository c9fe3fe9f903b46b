package dev.omnichannel.gateway.catalog.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.gateway.catalog.service.CatalogModel;
import dev.omnichannel.gateway.config.FeedConfig;
import dev.omnichannel.gateway.support.RecordSpans;
import dev.omnichannel.gateway.support.TopicReader;
import dev.omnichannel.shared.events.CloudEvent;
import dev.omnichannel.shared.events.inventory.ProductChanged;
import dev.omnichannel.shared.events.inventory.PromotionChanged;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/** Feeds {@link CatalogModel} from the compacted {@code inventory.catalog}, read whole by every replica. */
@ApplicationScoped
public class CatalogFeed {

    private static final Logger LOG = Logger.getLogger(CatalogFeed.class);

    private final CatalogModel model;
    private final ObjectMapper json;
    private final TopicReader reader;
    private final boolean enabled;

    public CatalogFeed(CatalogModel model, FeedConfig config, ObjectMapper json, RecordSpans spans,
            MeterRegistry metrics) {
        this.model = model;
        this.json = json;
        this.enabled = config.enabled();
        this.reader = new TopicReader("catalog-feed", config.catalogTopic(), config.bootstrapServers(), config.pollTimeout(),
                this::apply, () -> {
                }, spans, metrics);
    }

    void start(@Observes StartupEvent startup) {
        if (enabled) {
            reader.start();
        }
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        reader.stop();
    }

    public TopicReader reader() {
        return reader;
    }

    private void apply(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            if (record.key() != null) {
                model.remove(record.key());
            }
            return;
        }
        try {
            CloudEvent event = json.readValue(record.value(), CloudEvent.class);
            switch (event.type()) {
                case ProductChanged.TYPE -> model.apply(event.dataAs(json, ProductChanged.class));
                case PromotionChanged.TYPE -> model.apply(event.dataAs(json, PromotionChanged.class));
                default -> LOG.debugf("catalog feed ignores %s", event.type());
            }
        } catch (Exception e) {
            LOG.warnf("skipped an unreadable record at %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }
}

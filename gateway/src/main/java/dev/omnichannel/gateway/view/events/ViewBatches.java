package dev.omnichannel.gateway.view.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.gateway.security.service.CustomerDirectory;
import dev.omnichannel.gateway.support.RecordSpans;
import dev.omnichannel.gateway.view.repository.HoldingStore;
import dev.omnichannel.gateway.view.repository.InOneGo;
import dev.omnichannel.gateway.view.repository.ViewOffsets;
import dev.omnichannel.gateway.view.repository.ViewStore;
import dev.omnichannel.shared.events.CloudEvent;
import dev.omnichannel.shared.events.customer.CustomerErased;
import dev.omnichannel.shared.personal.SealedEventOpener;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * One batch of the view feed's records applied to the view model in one transaction, with the offsets it
 * reached: sealed personal fields opened first ({@link SealedEventKeys}), then every change, then the lists of
 * the views whose reservations or orders changed, each made again in its own short transaction.
 */
@ApplicationScoped
public class ViewBatches {

    private static final Logger LOG = Logger.getLogger(ViewBatches.class);
    static final Duration BATCH_TIMEOUT = Duration.ofSeconds(30);

    private final ViewStore store;
    private final HoldingStore holdings;
    private final ViewOffsets offsets;
    private final ViewEvents events;
    private final CustomerDirectory directory;
    private final ObjectMapper json;
    private final RecordSpans spans;
    private final SealedEventOpener sealed;

    public ViewBatches(ViewStore store, HoldingStore holdings, ViewOffsets offsets, ViewEvents events,
            CustomerDirectory directory, ObjectMapper json, RecordSpans spans, SealedEventOpener sealed) {
        this.store = store;
        this.holdings = holdings;
        this.offsets = offsets;
        this.events = events;
        this.directory = directory;
        this.json = json;
        this.spans = spans;
        this.sealed = sealed;
    }

    /** Applies the records and stores the offsets they reach, in one transaction. */
    Map<TopicPartition, OffsetAndMetadata> applied(ConsumerRecords<String, String> records) {
        Set<String> stale = new HashSet<>();
        Map<TopicPartition, OffsetAndMetadata> reached = new HashMap<>();
        List<Span> applying = new ArrayList<>();
        records.forEach(record -> applying.add(spans.start("view-feed", record)));
        try {
            applyInOneTransaction(records, reached, stale);
        } catch (RuntimeException e) {
            applying.forEach(span -> span.recordException(e).setStatus(StatusCode.ERROR));
            throw e;
        } finally {
            applying.forEach(Span::end);
        }
        return reached;
    }

    private void applyInOneTransaction(ConsumerRecords<String, String> records,
            Map<TopicPartition, OffsetAndMetadata> reached, Set<String> stale) {
        for (TopicPartition partition : records.partitions()) {
            reached.put(partition, new OffsetAndMetadata(records.records(partition).getLast().offset() + 1));
        }
        List<CloudEvent> readable = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            CloudEvent event = readable(record);
            if (event != null) {
                readable.add(event);
            }
        }
        List<CloudEvent> opened = sealed.openAll(readable).await().atMost(BATCH_TIMEOUT);
        boolean whoIsWhoChanged = opened.stream().anyMatch(event -> ViewEvents.changesWhoIsWho(event.type()));
        Set<String> holdingsChanged = new HashSet<>();
        InOneGo.transaction(store.pool(), connection -> {
            // every change is kept only if newer, so the records' own order within the batch decides nothing
            List<Uni<Void>> statements = new ArrayList<>();
            for (CloudEvent event : opened) {
                statements.add(events.apply(connection, event, holdingsChanged));
            }
            for (Map.Entry<TopicPartition, OffsetAndMetadata> offset : reached.entrySet()) {
                statements.add(offsets.saveOffset(connection, offset.getKey().topic(), offset.getKey().partition(),
                        offset.getValue().offset()));
            }
            statements.add(holdings.markStale(connection, Set.copyOf(holdingsChanged)));
            return statements;
        }).await().atMost(BATCH_TIMEOUT);
        stale.addAll(holdingsChanged);
        holdings.refreshStale(stale).await().atMost(BATCH_TIMEOUT);
        if (whoIsWhoChanged) {
            // once committed: a subject cached as an erased or merged-away customer resolves afresh
            directory.forgetAll().await().atMost(BATCH_TIMEOUT);
        }
        opened.stream().filter(event -> CustomerErased.TYPE.equals(event.type()))
                .forEach(erased -> sealed.forget(erased.subject()));
    }

    private CloudEvent readable(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return null;
        }
        try {
            CloudEvent event = json.readValue(record.value(), CloudEvent.class);
            event.dataAs(json, Object.class);
            return event;
        } catch (Exception e) {
            LOG.warnf("view feed skipped an unreadable record at %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return null;
        }
    }
}

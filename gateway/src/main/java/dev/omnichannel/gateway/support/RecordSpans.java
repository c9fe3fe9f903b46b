package dev.omnichannel.gateway.support;

import dev.omnichannel.shared.tracing.TraceParent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The spans of the gateway's own Kafka consumers (its read models read with the plain Kafka client,
 * which nothing instruments): one per applied record that belongs to a trace, child of the record's
 * producer span, so a request's trace shows each read model its events changed. Records outside any
 * trace (the topics read again at start) make no span.
 */
@ApplicationScoped
public class RecordSpans {

    private final Tracer tracer;

    RecordSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Started; the caller ends it once the record's change is applied (or failed). */
    public Span start(String consumer, ConsumerRecord<String, String> record) {
        Header traceparent = record.headers().lastHeader(TraceParent.HEADER);
        if (traceparent == null) {
            return Span.getInvalid();
        }
        return tracer.spanBuilder(record.topic() + " process")
                .setParent(TraceParent.context(new String(traceparent.value(), StandardCharsets.UTF_8)))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.consumer.group.name", "gateway-" + consumer)
                .setAttribute("messaging.kafka.offset", record.offset())
                .startSpan();
    }
}

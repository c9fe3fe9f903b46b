package dev.omnichannel.shared.tracing;

import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where spans go. On the local stack ({@code omni.tracing.exporter=zipkin}, the default) this exporter
 * sends them to Zipkin, the stack's trace viewer. With {@code omni.tracing.exporter=otlp} (Kubernetes)
 * there is no exporter bean, and Quarkus then uses its own OTLP exporter towards the collector named by
 * {@code quarkus.otel.exporter.otlp.traces.endpoint}: it steps aside whenever a {@link SpanExporter} bean exists.
 */
public class ZipkinExport {

    @Produces
    @Singleton
    @LookupIfProperty(name = "omni.tracing.exporter", stringValue = "zipkin")
    SpanExporter zipkin(@ConfigProperty(name = "omni.tracing.zipkin-endpoint") String endpoint) {
        return ZipkinSpanExporter.builder().setEndpoint(endpoint).build();
    }
}

package dev.omnichannel.gateway.support;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The spans of a test that turns tracing on with {@code omni.tracing.exporter=memory}. */
public class SpansInMemory {

    @Produces
    @Singleton
    @LookupIfProperty(name = "omni.tracing.exporter", stringValue = "memory")
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }
}

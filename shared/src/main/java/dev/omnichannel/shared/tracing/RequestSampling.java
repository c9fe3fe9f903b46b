package dev.omnichannel.shared.tracing;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which traces are kept. A trace begun upstream keeps the upstream decision; a new one is kept with
 * the configured probability when it begins with a request or a consumed event (a SERVER or CONSUMER
 * span), and never when it begins with background work of its own (the outbox relay's polls, the
 * scheduled jobs' SQL): those would be thousands of one-span traces that answer no question.
 */
public class RequestSampling {

    @Produces
    @Singleton
    Sampler sampler(@ConfigProperty(name = "quarkus.otel.traces.sampler.arg", defaultValue = "1.0") double ratio) {
        return Sampler.parentBased(new RequestsOnly(Sampler.traceIdRatioBased(ratio)));
    }

    /** The root sampler: requests and consumed events by the ratio, nothing else. */
    record RequestsOnly(Sampler ratio) implements Sampler {

        @Override
        public SamplingResult shouldSample(Context parent, String traceId, String name, SpanKind kind, Attributes attributes,
                List<LinkData> links) {
            return kind == SpanKind.SERVER || kind == SpanKind.CONSUMER
                    ? ratio.shouldSample(parent, traceId, name, kind, attributes, links)
                    : SamplingResult.drop();
        }

        @Override
        public String getDescription() {
            return "RequestsOnly{" + ratio.getDescription() + "}";
        }
    }
}

package dev.omnichannel.shared.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * HTTP server latencies as a histogram with a few fixed buckets, so that Prometheus computes any
 * percentile over any set of replicas (the rules' view p99); a handful of buckets, not the 70 of a
 * full percentile histogram, per route.
 */
@Singleton
public class RequestLatencyBuckets {

    private static final double[] BUCKETS_NANOS = {
            ms(5), ms(10), ms(25), ms(50), ms(100), ms(250), ms(500), ms(1000), ms(2500) };

    @Produces
    @Singleton
    MeterFilter httpServerRequestBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return id.getName().equals("http.server.requests")
                        ? DistributionStatisticConfig.builder().serviceLevelObjectives(BUCKETS_NANOS).build().merge(config)
                        : config;
            }
        };
    }

    private static double ms(long millis) {
        return Duration.ofMillis(millis).toNanos();
    }
}

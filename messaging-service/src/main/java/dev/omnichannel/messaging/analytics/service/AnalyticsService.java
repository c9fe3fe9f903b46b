package dev.omnichannel.messaging.analytics.service;

import dev.omnichannel.messaging.analytics.rest.ChannelReport.ChannelStats;
import dev.omnichannel.messaging.analytics.rest.ChannelReport;
import dev.omnichannel.messaging.config.MessagingConfig;
import dev.omnichannel.messaging.support.MessageChannel;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Channel analytics over a period: delivery steps counted per channel, and the reservations and
 * orders of the period credited to the channel of the last message sent to the same customer
 * within the attribution window (7 days) before them.
 */
@ApplicationScoped
public class AnalyticsService {

    private final MessagingConfig config;

    AnalyticsService(MessagingConfig config) {
        this.config = config;
    }

    /** @param templateKey null for every message, else only this template's messages and what they led to */
    @WithSession
    public Uni<ChannelReport> channels(Instant from, Instant to, String templateKey) {
        String ofTemplate = templateKey == null ? "" : " AND template_key = ?3";
        String ofTemplateCredited = templateKey == null ? "" : " AND m.template_key = ?4";
        return Panache.getSession().chain(session -> {
            var steps = session.createNativeQuery("""
                    SELECT channel, status, count(*) FROM message_status
                    WHERE at >= ?1 AND at < ?2""" + ofTemplate + " GROUP BY channel, status", Object[].class)
                    .setParameter(1, from).setParameter(2, to);
            var credited = session.createNativeQuery("""
                    SELECT m.channel, c.kind, count(*) FROM conversion c
                    JOIN LATERAL (SELECT s.channel, s.template_key FROM message_status s
                                  WHERE s.customer_id = c.customer_id AND s.status = 'sent'
                                    AND s.at <= c.at AND s.at > c.at - make_interval(secs => ?3)
                                  ORDER BY s.at DESC LIMIT 1) m ON true
                    WHERE c.at >= ?1 AND c.at < ?2""" + ofTemplateCredited + " GROUP BY m.channel, c.kind", Object[].class)
                    .setParameter(1, from).setParameter(2, to)
                    .setParameter(3, (double) config.attributionWindow().toSeconds());
            if (templateKey != null) {
                steps.setParameter(3, templateKey);
                credited.setParameter(4, templateKey);
            }
            return steps.getResultList().chain(stepRows -> credited.getResultList()
                    .map(creditedRows -> report(from, to, stepRows, creditedRows)));
        });
    }

    private static ChannelReport report(Instant from, Instant to, List<Object[]> steps, List<Object[]> conversions) {
        Map<String, Long> counts = new HashMap<>();
        steps.forEach(row -> counts.put(row[0] + "/" + row[1], ((Number) row[2]).longValue()));
        conversions.forEach(row -> counts.put(row[0] + "/" + row[1], ((Number) row[2]).longValue()));
        List<ChannelStats> channels = new ArrayList<>();
        for (MessageChannel channel : MessageChannel.values()) {
            String name = channel.wireName();
            long sent = counts.getOrDefault(name + "/sent", 0L);
            long reservations = counts.getOrDefault(name + "/" + Conversions.RESERVATION, 0L);
            long orders = counts.getOrDefault(name + "/" + Conversions.ORDER, 0L);
            double conversion = sent == 0 ? 0 : BigDecimal.valueOf(reservations + orders)
                    .divide(BigDecimal.valueOf(sent), 4, RoundingMode.HALF_UP).doubleValue();
            channels.add(new ChannelStats(name, sent, counts.getOrDefault(name + "/delivered", 0L),
                    counts.getOrDefault(name + "/failed", 0L), counts.getOrDefault(name + "/opened", 0L),
                    counts.getOrDefault(name + "/clicked", 0L), reservations, orders, conversion));
        }
        return new ChannelReport(from, to, channels);
    }
}

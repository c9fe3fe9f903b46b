package dev.omnichannel.messaging.campaign.service;

import dev.omnichannel.messaging.campaign.domain.CampaignEntity;
import dev.omnichannel.messaging.campaign.repository.CampaignRepository;
import dev.omnichannel.messaging.campaign.rest.CampaignView.CampaignAccepted;
import dev.omnichannel.messaging.campaign.rest.CampaignView.CampaignRequest;
import dev.omnichannel.messaging.notification.domain.NewNotification;
import dev.omnichannel.messaging.notification.service.NotificationService;
import dev.omnichannel.messaging.recipient.service.RecipientService;
import dev.omnichannel.messaging.support.Json;
import dev.omnichannel.messaging.support.MessageChannel;
import dev.omnichannel.messaging.template.domain.TemplateDefinition;
import dev.omnichannel.messaging.template.domain.VariantContent;
import dev.omnichannel.messaging.template.service.TemplateRenderer;
import dev.omnichannel.messaging.template.service.TemplateService;
import dev.omnichannel.shared.data.idempotency.IdempotentRequests;
import dev.omnichannel.shared.problem.FieldError;
import dev.omnichannel.shared.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.qute.TemplateException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A promotion sent to a segment: every member gets one notification of the same template and data
 * (the same offer everywhere), each on their own channel as the dispatcher chooses it.
 */
@ApplicationScoped
public class CampaignService {

    private final CampaignRepository repository;
    private final TemplateService templates;
    private final TemplateRenderer renderer;
    private final RecipientService recipients;
    private final NotificationService notifications;
    private final IdempotentRequests idempotentRequests;
    private final Json json;
    private final Clock clock;

    CampaignService(CampaignRepository repository, TemplateService templates, TemplateRenderer renderer,
            RecipientService recipients, NotificationService notifications, IdempotentRequests idempotentRequests, Json json,
            Clock clock) {
        this.repository = repository;
        this.templates = templates;
        this.renderer = renderer;
        this.recipients = recipients;
        this.notifications = notifications;
        this.idempotentRequests = idempotentRequests;
        this.json = json;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<CampaignAccepted> launch(CampaignRequest request, String idempotencyKey) {
        return idempotentRequests.once(idempotencyKey, "campaign", request, CampaignAccepted.class,
                () -> templates.definition(request.templateKey()).chain(template -> {
                    if (template == null) {
                        return Uni.createFrom().failure(ProblemException.badRequest("templateKey", "no such template"));
                    }
                    Map<String, Object> data = dataOf(request);
                    checkRenders(template, data);
                    return recipients.segmentMembers(request.segment()).chain(members -> {
                        CampaignEntity campaign = new CampaignEntity();
                        campaign.id = UUID.randomUUID();
                        campaign.segment = request.segment();
                        campaign.templateKey = request.templateKey();
                        campaign.promotionId = request.promotionId();
                        campaign.data = json.write(data);
                        campaign.recipients = members.size();
                        campaign.createdAt = clock.instant();
                        String path = request.promotionId() == null ? "/"
                                : "/promotions/" + URLEncoder.encode(request.promotionId(), StandardCharsets.UTF_8);
                        return repository.persist(campaign)
                                .chain(() -> Multi.createFrom().iterable(members)
                                        .onItem().transformToUniAndConcatenate(member -> notifications.enqueue(new NewNotification(
                                                member, request.templateKey(), "campaign:" + campaign.id, data, path)))
                                        .collect().asList())
                                .replaceWith(new CampaignAccepted(campaign.id.toString(), members.size()));
                    });
                }));
    }

    private static Map<String, Object> dataOf(CampaignRequest request) {
        Map<String, Object> data = new LinkedHashMap<>(request.data() == null ? Map.of() : request.data());
        if (request.promotionId() != null) {
            Map<String, Object> promotion = new LinkedHashMap<>();
            if (data.get("promotion") instanceof Map<?, ?> given) {
                given.forEach((key, value) -> promotion.put(String.valueOf(key), value));
            }
            promotion.put("id", request.promotionId());
            data.put("promotion", promotion);
        }
        return data;
    }

    /** Refuses data the template cannot render on one of its channels, before anyone is written to. */
    private void checkRenders(TemplateDefinition template, Map<String, Object> data) {
        Map<String, Object> sample = new LinkedHashMap<>(data);
        sample.put("customer", Map.of("id", "sample", "name", "Sample"));
        sample.put("link", "https://example.com/t/sample");
        sample.put("deepLink", "omnichannel://sample");
        List<FieldError> errors = new ArrayList<>();
        for (String channelName : template.channels()) {
            MessageChannel channel = MessageChannel.of(channelName);
            for (String language : template.languages()) {
                VariantContent variant = template.variant(channel, language).orElse(null);
                if (variant == null) {
                    continue;
                }
                try {
                    renderer.render(variant, sample);
                } catch (TemplateException e) {
                    errors.add(new FieldError("data", "the template's " + channelName + " variant (" + language
                            + ") does not render with this data: " + e.getMessage().lines().findFirst().orElse("")));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The campaign data do not fit the template", errors);
        }
    }
}

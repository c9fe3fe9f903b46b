package dev.omnichannel.messaging.campaign.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

public final class CampaignView {

    private CampaignView() {
    }

    /** A promotion to a segment: {@code data} is what the template renders (e.g. {@code promotion.name}). */
    @RegisterForReflection
    public record CampaignRequest(@NotBlank @Size(max = 100) String segment, @NotBlank @Size(max = 100) String templateKey,
            @Size(max = 100) String promotionId, Map<String, Object> data) {
    }

    @RegisterForReflection
    public record CampaignAccepted(String id, int recipients) {
    }
}

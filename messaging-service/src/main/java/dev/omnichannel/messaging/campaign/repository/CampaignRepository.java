package dev.omnichannel.messaging.campaign.repository;

import dev.omnichannel.messaging.campaign.domain.CampaignEntity;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class CampaignRepository implements PanacheRepositoryBase<CampaignEntity, UUID> {
}

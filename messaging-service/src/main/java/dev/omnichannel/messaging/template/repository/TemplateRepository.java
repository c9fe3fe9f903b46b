package dev.omnichannel.messaging.template.repository;

import dev.omnichannel.messaging.template.domain.TemplateEntity;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class TemplateRepository implements PanacheRepositoryBase<TemplateEntity, String> {
}

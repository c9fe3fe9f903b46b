package dev.omnichannel.messaging.template.service;

import dev.omnichannel.messaging.support.Json;
import dev.omnichannel.messaging.template.domain.TemplateDefinition;
import dev.omnichannel.messaging.template.domain.TemplateEntity;
import dev.omnichannel.messaging.template.repository.TemplateRepository;
import dev.omnichannel.messaging.template.rest.TemplateRequest;
import dev.omnichannel.messaging.template.rest.TemplateView;
import dev.omnichannel.shared.data.idempotency.IdempotentRequests;
import dev.omnichannel.shared.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

@ApplicationScoped
public class TemplateService {

    private static final String KEY = "[a-z0-9][a-z0-9._-]{0,99}";

    private final TemplateRepository repository;
    private final TemplateValidator validator;
    private final IdempotentRequests idempotentRequests;
    private final Json json;
    private final Clock clock;

    TemplateService(TemplateRepository repository, TemplateValidator validator, IdempotentRequests idempotentRequests,
            Json json, Clock clock) {
        this.repository = repository;
        this.validator = validator;
        this.idempotentRequests = idempotentRequests;
        this.json = json;
        this.clock = clock;
    }

    /** Creates or replaces a template; an invalid one is refused whole (400) and changes nothing. */
    @WithTransaction
    public Uni<TemplateView> put(String key, TemplateRequest request, String idempotencyKey) {
        if (!key.matches(KEY)) {
            return Uni.createFrom().failure(ProblemException.badRequest("key", "lower-case letters, digits, '.', '_' and '-'"));
        }
        TemplateValidator.Outcome outcome = validator.validate(request);
        if (!outcome.errors().isEmpty()) {
            return Uni.createFrom().failure(ProblemException.badRequest("The template is invalid", outcome.errors()));
        }
        return idempotentRequests.once(idempotencyKey, "template:" + key, request, TemplateView.class,
                () -> save(key, outcome.definition(), false));
    }

    /** Saves a definition already validated; {@code demo} when it is a demo template being seeded. */
    Uni<TemplateView> save(String key, TemplateDefinition definition, boolean demo) {
        return repository.findById(key).chain(existing -> {
            TemplateEntity entity = existing != null ? existing : new TemplateEntity();
            entity.key = key;
            entity.demo = demo;
            entity.critical = definition.critical();
            entity.defaultLanguage = definition.defaultLanguage();
            entity.definition = json.write(definition);
            entity.version = existing != null ? existing.version + 1 : 1;
            entity.updatedAt = clock.instant();
            return existing != null ? Uni.createFrom().item(entity) : repository.persist(entity);
        }).map(this::view);
    }

    /**
     * A newer demo version of a template replaces the stored one, if that one is a demo template nobody
     * put since it was seeded (a template saved through the API is never replaced); true if replaced.
     */
    Uni<Boolean> refreshDemo(String key, TemplateDefinition definition) {
        return repository.findById(key).chain(existing -> {
            if (existing == null || !existing.demo || existing.definition.equals(json.write(definition))) {
                return Uni.createFrom().item(false);
            }
            return save(key, definition, true).replaceWith(true);
        });
    }

    @WithSession
    public Uni<TemplateView> get(String key) {
        return repository.findById(key).map(entity -> {
            if (entity == null) {
                throw ProblemException.notFound("No template " + key);
            }
            return view(entity);
        });
    }

    /** The definition to send with, or null when there is no such template. */
    public Uni<TemplateDefinition> definition(String key) {
        return repository.findById(key).map(entity -> entity == null ? null : json.read(entity.definition, TemplateDefinition.class));
    }

    private TemplateView view(TemplateEntity entity) {
        TemplateDefinition definition = json.read(entity.definition, TemplateDefinition.class);
        return new TemplateView(entity.key, definition.critical(), definition.defaultLanguage(), definition.channels(),
                definition.languages(), definition.sample(), definition.variants(), entity.version, entity.updatedAt);
    }
}

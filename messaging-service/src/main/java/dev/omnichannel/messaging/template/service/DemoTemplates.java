package dev.omnichannel.messaging.template.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.messaging.config.MessagingConfig;
import dev.omnichannel.messaging.template.repository.TemplateRepository;
import dev.omnichannel.messaging.template.rest.TemplateRequest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Seeds the default templates (every trigger's message, en and fr, every channel) when there are no
 * templates yet and seeding is on (with the demo data, or {@code MESSAGING_SEED_TEMPLATES=true}),
 * through the same validation as {@code PUT /templates/{key}}. Later starts bring the demo templates
 * nobody put since they were seeded to their newest wording; a template put through the API stays.
 */
@ApplicationScoped
public class DemoTemplates {

    private static final Logger LOG = Logger.getLogger(DemoTemplates.class);
    private static final String RESOURCE = "/demo/templates.json";
    /** Arbitrary, fixed: one replica seeds at a time. */
    private static final long SEED_LOCK = 0x6d73_6774_706cL;

    private final TemplateService service;
    private final TemplateValidator validator;
    private final TemplateRepository repository;
    private final ObjectMapper mapper;
    private final boolean seed;

    DemoTemplates(TemplateService service, TemplateValidator validator, TemplateRepository repository, ObjectMapper mapper,
            MessagingConfig config) {
        this.service = service;
        this.validator = validator;
        this.repository = repository;
        this.mapper = mapper;
        this.seed = config.seedTemplates();
    }

    public void seed(@Observes StartupEvent start) throws Throwable {
        if (!seed) {
            return;
        }
        Map<String, TemplateRequest> templates = read();
        Seeding done = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(?1)) l", Long.class)
                        .setParameter(1, SEED_LOCK).getSingleResult())
                .chain(() -> repository.count())
                .chain(count -> count > 0
                        ? refreshAll(templates).map(refreshed -> new Seeding(0, refreshed))
                        : saveAll(templates).map(seeded -> new Seeding(seeded, 0)))));
        if (done.seeded() > 0) {
            LOG.infof("seeded %d demo templates", done.seeded());
        }
        if (done.refreshed() > 0) {
            LOG.infof("brought %d demo templates to their newest wording", done.refreshed());
        }
    }

    private record Seeding(int seeded, int refreshed) {
    }

    private Uni<Integer> saveAll(Map<String, TemplateRequest> templates) {
        return Multi.createFrom().iterable(templates.entrySet())
                .onItem().transformToUniAndConcatenate(entry -> {
                    TemplateValidator.Outcome outcome = validator.validate(entry.getValue());
                    if (!outcome.errors().isEmpty()) {
                        return Uni.createFrom().failure(new IllegalStateException(
                                "demo template " + entry.getKey() + " is invalid: " + outcome.errors()));
                    }
                    return service.save(entry.getKey(), outcome.definition(), true);
                })
                .collect().asList()
                .map(java.util.List::size);
    }

    private Uni<Integer> refreshAll(Map<String, TemplateRequest> templates) {
        return Multi.createFrom().iterable(templates.entrySet())
                .onItem().transformToUniAndConcatenate(entry -> {
                    TemplateValidator.Outcome outcome = validator.validate(entry.getValue());
                    return outcome.errors().isEmpty() ? service.refreshDemo(entry.getKey(), outcome.definition())
                            : Uni.createFrom().<Boolean>failure(new IllegalStateException(
                                    "demo template " + entry.getKey() + " is invalid: " + outcome.errors()));
                })
                .filter(Boolean::booleanValue)
                .collect().asList()
                .map(java.util.List::size);
    }

    private Map<String, TemplateRequest> read() throws IOException {
        try (InputStream in = DemoTemplates.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return mapper.readValue(in, new TypeReference<LinkedHashMap<String, TemplateRequest>>() {
            });
        }
    }
}

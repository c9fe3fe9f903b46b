package dev.omnichannel.shared.data;

import dev.omnichannel.shared.data.consumer.IdempotentConsumer;
import dev.omnichannel.shared.data.idempotency.IdempotentRequests;
import dev.omnichannel.shared.data.outbox.Outbox;
import dev.omnichannel.shared.events.EventData;
import dev.omnichannel.shared.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.resteasy.reactive.RestHeader;

/** The endpoints and consumer the shared-data tests drive. */
public class TestApplication {

    public static final String TOPIC = "shared-data.test";

    public record SomethingHappened(String message) implements EventData {
        @Override
        public String eventType() {
            return "test.something-happened";
        }
    }

    public record EventRequest(@NotBlank String key, @NotBlank String message, boolean failAfterPublishing) {
    }

    public record Increment(@Positive int by) {
    }

    public record CounterValue(String name, int value) {
    }

    static Uni<Integer> increment(String name, int by) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "INSERT INTO test_counter (name, value) VALUES (?1, ?2) "
                        + "ON CONFLICT (name) DO UPDATE SET value = test_counter.value + ?2 RETURNING value", Integer.class)
                .setParameter(1, name).setParameter(2, by)
                .getSingleResult());
    }

    @Path("/test")
    public static class TestResource {

        private final Outbox outbox;
        private final IdempotentRequests idempotentRequests;
        private final SecurityIdentity identity;

        TestResource(Outbox outbox, IdempotentRequests idempotentRequests, SecurityIdentity identity) {
            this.outbox = outbox;
            this.idempotentRequests = idempotentRequests;
            this.identity = identity;
        }

        @POST
        @Path("/events")
        @WithTransaction
        public Uni<Map<String, String>> publish(@Valid EventRequest request) {
            return outbox.publish(TOPIC, request.key(), new SomethingHappened(request.message()))
                    .map(event -> {
                        if (request.failAfterPublishing()) {
                            throw ProblemException.conflict("failing after publishing, the transaction rolls back");
                        }
                        return Map.of("id", event.id());
                    });
        }

        /** Answers at once, then publishes on the request's context: work a request leaves running after its response. */
        @POST
        @Path("/events/after-response")
        public Uni<Map<String, String>> publishAfterResponse(@Valid EventRequest request) {
            Context context = Vertx.currentContext();
            context.owner().setTimer(200, timer -> context.runOnContext(ignored -> Panache.withTransaction(
                    () -> outbox.publish(TOPIC, request.key(), new SomethingHappened(request.message())))
                    .subscribe().with(event -> { }, failure -> { })));
            return Uni.createFrom().item(Map.of("status", "accepted"));
        }

        @POST
        @Path("/counters/{name}")
        @WithTransaction
        public Uni<CounterValue> increment(@PathParam("name") String name, @Valid Increment request,
                @RestHeader("Idempotency-Key") String idempotencyKey) {
            return idempotentRequests.once(idempotencyKey, "increment:" + name, request, CounterValue.class,
                    () -> TestApplication.increment(name, request.by()).map(value -> new CounterValue(name, value)));
        }

        @GET
        @Path("/counters/{name}")
        @WithTransaction
        public Uni<CounterValue> counter(@PathParam("name") String name) {
            return Panache.getSession().chain(session -> session
                    .createNativeQuery("SELECT value FROM test_counter WHERE name = ?1", Integer.class)
                    .setParameter(1, name).getSingleResultOrNull())
                    .map(value -> new CounterValue(name, value == null ? 0 : value));
        }

        @GET
        @Path("/secured")
        @RolesAllowed("service")
        public Map<String, String> secured() {
            return Map.of("caller", identity.getPrincipal().getName());
        }
    }

    /** Counts each event it applies, under "consumed:" + the event's message. */
    @ApplicationScoped
    public static class CountingConsumer {

        private final IdempotentConsumer consumer;

        CountingConsumer(IdempotentConsumer consumer) {
            this.consumer = consumer;
        }

        @Incoming("test-in")
        public Uni<Void> consume(String record) {
            var event = consumer.parse(record);
            return consumer.handleOnce("counting-consumer", event,
                    e -> increment("consumed:" + e.data().path("message").asText(), 1).replaceWithVoid());
        }
    }
}

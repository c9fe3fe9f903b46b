package dev.omnichannel.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Before a service's tests start, moves its test consumer group to the end of the suite's topics.
 * The local broker is shared with the running suite, so the topics hold whatever the demo,
 * end-to-end tests or benchmarks produced; the tests only care about what they publish themselves,
 * and must not wait while the consumers work through an old backlog. A fresh group would start
 * from the beginning of every topic for the same reason.
 *
 * <p>Use: {@code @QuarkusTestResource(value = KafkaBacklogSkipped.class, initArgs = @ResourceArg(name = "group", value = "<service>-test"))}
 * on one class of the module's tests (test resources apply to every test).
 */
public class KafkaBacklogSkipped implements QuarkusTestResourceLifecycleManager {

    private static final Logger LOG = Logger.getLogger(KafkaBacklogSkipped.class);
    private static final List<String> SUITE_TOPICS = List.of("customer.events", "inventory.stock",
            "inventory.fulfilment", "messaging.events", "interactions");

    private String group;

    @Override
    public void init(Map<String, String> args) {
        group = args.get("group");
    }

    @Override
    public Map<String, String> start() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA))) {
            Set<String> existing = admin.listTopics().names().get();
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            admin.describeTopics(SUITE_TOPICS.stream().map(LocalStack::topic).filter(existing::contains).toList())
                    .allTopicNames().get()
                    .forEach((topic, description) -> description.partitions()
                            .forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            admin.listOffsets(ends).all().get()
                    .forEach((partition, end) -> offsets.put(partition, new OffsetAndMetadata(end.offset())));
            admin.alterConsumerGroupOffsets(group, offsets).all().get();
            LOG.infof("test consumer group %s starts at the end of %s", group, offsets.keySet());
        } catch (ExecutionException e) {
            LOG.warnf("could not move consumer group %s to the end of the topics: %s", group, e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Map.of();
    }

    @Override
    public void stop() {
        // nothing to undo: the group's offsets are the tests' own
    }
}

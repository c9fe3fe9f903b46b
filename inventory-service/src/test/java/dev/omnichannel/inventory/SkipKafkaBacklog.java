package dev.omnichannel.inventory;

import dev.omnichannel.testing.KafkaBacklogSkipped;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** The tests' consumer group starts at the end of the shared topics (see KafkaBacklogSkipped). */
@QuarkusTestResource(value = KafkaBacklogSkipped.class, initArgs = @ResourceArg(name = "group", value = "inventory-service-test"))
class SkipKafkaBacklog {
}

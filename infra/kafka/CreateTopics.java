import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Creates the suite's topics that do not exist yet, and gives the existing ones the configuration
 * they should have. Arguments: the bootstrap server, then {@code name:partitions[:compact|:keep]}
 * per topic: {@code compact} keeps the latest record per key, {@code keep} keeps every record
 * (the topics the gateway's view model is rebuilt from). Run by ./omni as a single-file program.
 */
public class CreateTopics {

    public static void main(String[] args) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
            for (int i = 1; i < args.length; i++) {
                String[] spec = args[i].split(":");
                Map<String, String> configs = configs(spec.length > 2 ? spec[2] : "");
                if (existing.contains(spec[0])) {
                    changes.put(new ConfigResource(ConfigResource.Type.TOPIC, spec[0]), configs.entrySet().stream()
                            .map(c -> new AlterConfigOp(new ConfigEntry(c.getKey(), c.getValue()), AlterConfigOp.OpType.SET))
                            .toList());
                    continue;
                }
                missing.add(new NewTopic(spec[0], Integer.parseInt(spec[1]), (short) 1).configs(configs));
            }
            admin.createTopics(missing).all().get();
            changes.values().removeIf(Collection::isEmpty);
            admin.incrementalAlterConfigs(changes).all().get();
            System.out.println("topics created: " + missing.stream().map(NewTopic::name).toList());
        }
    }

    private static Map<String, String> configs(String kind) {
        return switch (kind) {
            case "compact" -> Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "60000");
            case "keep" -> Map.of("retention.ms", "-1");
            default -> Map.of();
        };
    }
}

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates the suite's topics that do not exist yet. Arguments: the bootstrap server, then
 * {@code name:partitions[:compact]} per topic. Run by ./omni as a single-file program.
 */
public class CreateTopics {

    public static void main(String[] args) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                String[] spec = args[i].split(":");
                if (existing.contains(spec[0])) {
                    continue;
                }
                NewTopic topic = new NewTopic(spec[0], Integer.parseInt(spec[1]), (short) 1);
                if (spec.length > 2 && spec[2].equals("compact")) {
                    topic.configs(Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "60000"));
                }
                missing.add(topic);
            }
            admin.createTopics(missing).all().get();
            System.out.println("topics created: " + missing.stream().map(NewTopic::name).toList());
        }
    }
}

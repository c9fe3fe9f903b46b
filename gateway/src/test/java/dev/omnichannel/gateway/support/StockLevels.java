package dev.omnichannel.gateway.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.shared.events.CloudEvent;
import dev.omnichannel.shared.events.inventory.StockLevelChanged;
import dev.omnichannel.testing.LocalStack;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes stock levels as inventory-service does, on the tests' own compacted stock topic. */
public final class StockLevels {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private StockLevels() {
    }

    /** A SKU no other run has used: the read model has no level for it until a test publishes one. */
    public static String newSku(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static void publish(String sku, String locationId, int available, long version) {
        StockLevelChanged level = new StockLevelChanged(sku, locationId, available, 0, available, 0, version, "receipt",
                available, "test");
        String key = StockLevelChanged.key(sku, locationId);
        Properties config = new Properties();
        config.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            String value = JSON.writeValueAsString(CloudEvent.of(JSON, "/inventory-service", key, level));
            producer.send(new ProducerRecord<>(GatewayTestStack.STOCK_TOPIC, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish a stock level", e);
        }
    }
}

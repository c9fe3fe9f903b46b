package dev.omnichannel.gateway.feed;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.lessThan;

import dev.omnichannel.testing.LocalStack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A read behind a barrier sees every record on the topic when it arrived, even from a reader that
 * lags (here, one that takes 200 ms per record), over the real Kafka.
 */
class ReadBarrierTest {

    private final String topic = "gateway-test-barrier-" + UUID.randomUUID();
    private final List<String> applied = new CopyOnWriteArrayList<>();
    private TopicReader reader;
    private ReadBarrier barrier;

    @BeforeEach
    void slowReader() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        }
        reader = new TopicReader("slow-reader", topic, LocalStack.KAFKA, Duration.ofMillis(100), record -> {
            sleep(200);
            applied.add(record.value());
        }, () -> {
        });
        reader.start();
        barrier = new ReadBarrier(List.of(reader), LocalStack.KAFKA, Duration.ofSeconds(10));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(reader::isCaughtUp);
    }

    @AfterEach
    void stop() throws Exception {
        barrier.close();
        reader.stop();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA))) {
            admin.deleteTopics(List.of(topic));
        }
    }

    @Test
    void a_read_after_the_barrier_holds_every_record_acknowledged_before_it() throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            for (String value : List.of("one", "two", "three")) {
                producer.send(new ProducerRecord<>(topic, 0, "key", value)).get();
            }
        }
        assertThat("the reader lags behind the topic", applied.size(), lessThan(3));

        barrier.await().await().atMost(Duration.ofSeconds(15));

        assertThat(applied, contains("one", "two", "three"));
    }

    private static KafkaProducer<String, String> producer() {
        Properties config = new Properties();
        config.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        return new KafkaProducer<>(config);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

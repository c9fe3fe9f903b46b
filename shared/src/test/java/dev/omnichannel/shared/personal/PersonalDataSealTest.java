package dev.omnichannel.shared.personal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omnichannel.shared.events.CloudEvent;
import dev.omnichannel.shared.events.customer.CustomerSnapshot;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PersonalDataSealTest {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    static final String CUSTOMER = "c0ffee00-0000-4000-8000-000000000001";
    static final List<String> FIELDS = PersonalFields.of(CustomerSnapshot.TYPE);

    @Test
    void sealed_fields_are_unreadable_on_the_wire_and_open_whole_with_the_customers_key() {
        byte[] key = PersonalDataSeal.newKey();
        ObjectNode data = profile();

        ObjectNode sealed = PersonalDataSeal.seal(JSON, data, FIELDS, key, CUSTOMER);

        String wire = sealed.toString();
        for (String datum : List.of("Zoé Zed", "zoe@example.com", "+33612345678", "instagram:@zoe")) {
            assertFalse(wire.contains(datum), "in clear: " + datum);
        }
        assertEquals(CUSTOMER, sealed.path("customerId").asText(), "ids stay readable");
        assertEquals("fr", sealed.path("preferences").path("language").asText(), "what is not personal stays readable");
        assertEquals(data, PersonalDataSeal.open(JSON, sealed, Optional.of(key), CUSTOMER));
    }

    @Test
    void without_the_key_the_fields_are_absent_and_the_rest_of_the_event_is_kept() {
        ObjectNode sealed = PersonalDataSeal.seal(JSON, profile(), FIELDS, PersonalDataSeal.newKey(), CUSTOMER);

        ObjectNode opened = PersonalDataSeal.open(JSON, sealed, Optional.empty(), CUSTOMER);

        FIELDS.forEach(field -> assertTrue(opened.path(field).isMissingNode(), field));
        assertFalse(opened.has(PersonalDataSeal.FIELD));
        assertEquals(7, opened.path("version").asLong());
    }

    @Test
    void a_sealed_value_opens_neither_with_another_key_nor_for_another_customer_nor_once_altered() {
        byte[] key = PersonalDataSeal.newKey();
        ObjectNode sealed = PersonalDataSeal.seal(JSON, profile(), FIELDS, key, CUSTOMER);

        assertThrows(IllegalArgumentException.class,
                () -> PersonalDataSeal.open(JSON, sealed, Optional.of(PersonalDataSeal.newKey()), CUSTOMER));
        assertThrows(IllegalArgumentException.class,
                () -> PersonalDataSeal.open(JSON, sealed, Optional.of(key), "another-customer"));
        ObjectNode altered = sealed.deepCopy();
        String value = altered.path(PersonalDataSeal.FIELD).asText();
        altered.put(PersonalDataSeal.FIELD, value.substring(0, value.length() - 4) + (value.endsWith("AAAA") ? "BBBB" : "AAAA"));
        assertThrows(IllegalArgumentException.class, () -> PersonalDataSeal.open(JSON, altered, Optional.of(key), CUSTOMER));
    }

    @Test
    void the_opener_asks_each_customers_key_once_and_passes_unsealed_events_through() {
        byte[] key = PersonalDataSeal.newKey();
        AtomicInteger asked = new AtomicInteger();
        SealedEventOpener opener = new SealedEventOpener(JSON, (source, customerId) -> {
            asked.incrementAndGet();
            return Uni.createFrom().item(Optional.of(key));
        });
        CloudEvent clear = CloudEvent.of(JSON, "urn:omnichannel:customer-service", CUSTOMER, snapshot());
        CloudEvent sealed = clear.withData(PersonalDataSeal.seal(JSON, (ObjectNode) clear.data(), FIELDS, key, CUSTOMER));

        List<CloudEvent> opened = opener.openAll(List.of(sealed, clear, sealed)).await().atMost(Duration.ofSeconds(5));
        opener.open(sealed).await().atMost(Duration.ofSeconds(5));

        assertEquals(clear.data(), opened.get(0).data());
        assertSame(clear, opened.get(1));
        assertEquals(clear.data(), opened.get(2).data());
        assertEquals(1, asked.get(), "one customer, one question, then kept");
        opener.forget(CUSTOMER);
        opener.open(sealed).await().atMost(Duration.ofSeconds(5));
        assertEquals(2, asked.get(), "forgotten after an erasure: asked again");
    }

    @Test
    void an_event_sealed_under_a_key_destroyed_since_is_applied_without_its_personal_fields() {
        byte[] newKey = PersonalDataSeal.newKey();
        SealedEventOpener opener = new SealedEventOpener(JSON, (source, customerId) -> Uni.createFrom().item(Optional.of(newKey)));
        CloudEvent clear = CloudEvent.of(JSON, "urn:omnichannel:messaging-service", CUSTOMER, snapshot());
        CloudEvent sealedUnderOldKey = clear.withData(PersonalDataSeal.seal(JSON, (ObjectNode) clear.data(), FIELDS,
                PersonalDataSeal.newKey(), CUSTOMER));

        CloudEvent opened = opener.open(sealedUnderOldKey).await().atMost(Duration.ofSeconds(5));

        assertTrue(opened.data().path("emails").isMissingNode());
        assertEquals(7, opened.data().path("version").asLong(), "the rest is applied: a rebuild does not stop on it");
    }

    private static ObjectNode profile() {
        return JSON.valueToTree(snapshot());
    }

    private static CustomerSnapshot snapshot() {
        return new CustomerSnapshot(CUSTOMER, "Zoé Zed", List.of("zoe@example.com"), List.of("+33612345678"), List.of("tok-1"),
                List.of("instagram:@zoe"), new CustomerSnapshot.Preferences("email", "paris-louvre", "fr", "Europe/Paris", null),
                Map.of(), List.of("vip"), 7, List.of("sub-1"), List.of(), List.of());
    }
}

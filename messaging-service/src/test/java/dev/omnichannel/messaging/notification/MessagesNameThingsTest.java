package dev.omnichannel.messaging.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.messaging.alert.service.AlertService;
import dev.omnichannel.messaging.channel.domain.Outgoing;
import dev.omnichannel.messaging.notification.events.FulfilmentConsumer;
import dev.omnichannel.messaging.notification.repository.NotificationRepository;
import dev.omnichannel.messaging.notification.service.Rendering;
import dev.omnichannel.messaging.recipient.domain.Recipient;
import dev.omnichannel.messaging.recipient.domain.RecipientAddresses;
import dev.omnichannel.messaging.support.Catalog;
import dev.omnichannel.messaging.support.Events;
import dev.omnichannel.messaging.support.Json;
import dev.omnichannel.messaging.support.MessageChannel;
import dev.omnichannel.messaging.support.TestDb;
import dev.omnichannel.messaging.template.domain.TemplateDefinition;
import dev.omnichannel.messaging.template.service.TemplateService;
import dev.omnichannel.shared.events.CloudEvent;
import dev.omnichannel.shared.events.Topics;
import dev.omnichannel.shared.events.inventory.OrderEvent;
import dev.omnichannel.shared.events.inventory.ProductChanged;
import dev.omnichannel.shared.events.inventory.ReservationEvent;
import dev.omnichannel.shared.events.inventory.ReturnAccepted;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every template on every channel, in English and in French, rendered as the dispatcher renders it
 * (the real templates, the data the triggers put in a notification, the names messaging holds from
 * inventory.catalog): a message names products and stores as people call them, says when in the
 * customer's time zone and language, and shows no code, id or machine timestamp.
 */
@QuarkusTest
class MessagesNameThingsTest {

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ISO_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    private static final Pattern URL = Pattern.compile("(https?|omnichannel)://\\S+?(?=[\\s\"<]|$)");
    private static final Instant EXPIRES = Instant.parse("2026-12-01T18:00:00Z");
    /** Montreal, not the stores' Paris: 13:00 there is 19:00 in Paris and 18:00 UTC. */
    private static final ZoneId ZONE = ZoneId.of("America/Montreal");

    @Inject
    Rendering rendering;

    @Inject
    TemplateService templates;

    @Inject
    NotificationRepository notifications;

    @Inject
    ObjectMapper mapper;

    @Inject
    Json json;

    @Inject
    TestDb db;

    private final String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private final String cap = "CAP-SUN-" + suffix;
    private final String tent = "TENT-2P-" + suffix;
    private final String louvre = "paris-louvre-" + suffix.toLowerCase();
    private final String bastille = "paris-bastille-" + suffix.toLowerCase();

    @BeforeEach
    void names() {
        Catalog.product(mapper, cap, "Sun cap");
        Catalog.product(mapper, tent, "Two-person tent");
        Catalog.location(mapper, louvre, "Paris Louvre", "Paris");
        Catalog.location(mapper, bastille, "Paris Bastille", "Paris");
        db.awaitName("product:" + cap, "Sun cap");
        db.awaitName("product:" + tent, "Two-person tent");
        db.awaitName("location:" + louvre, "Paris Louvre");
        db.awaitName("location:" + bastille, "Paris Bastille");
    }

    @Test
    void every_template_on_every_channel_names_products_and_stores_and_says_when_in_the_customers_zone() throws Throwable {
        Map<String, Object> demo;
        try (InputStream in = MessagesNameThingsTest.class.getResourceAsStream("/demo/templates.json")) {
            demo = mapper.readValue(in, new TypeReference<LinkedHashMap<String, Object>>() {
            });
        }
        List<String> rendered = new ArrayList<>();
        for (String key : demo.keySet()) {
            TemplateDefinition template = VertxContextSupport.subscribeAndAwait(
                    () -> Panache.withSession(() -> templates.definition(key)));
            assertNotNull(template, key + " is seeded");
            Trigger trigger = trigger(key);
            for (String wireName : template.channels()) {
                MessageChannel channel = MessageChannel.of(wireName);
                for (String language : List.of("en", "fr")) {
                    String where = key + " / " + wireName + " / " + language;
                    Outgoing message = render(key, trigger, template, channel, language);
                    String text = readable(message);
                    rendered.add(where + ": " + text);

                    for (String code : List.of(cap, tent, louvre, bastille)) {
                        assertFalse(text.toLowerCase(Locale.ROOT).contains(code.toLowerCase(Locale.ROOT)),
                                where + " shows the code " + code + ": " + text);
                    }
                    assertFalse(UUID_TEXT.matcher(text).find(), where + " shows an id: " + text);
                    assertFalse(ISO_INSTANT.matcher(text).find(), where + " shows a machine timestamp: " + text);
                    for (String name : trigger.names()) {
                        assertTrue(text.contains(name), where + " names " + name + ": " + text);
                    }
                    if (key.startsWith("reservation.") && channel == MessageChannel.EMAIL) {
                        assertTrue(text.contains("1 x Two-person tent") && text.contains("2 x Sun cap"),
                                where + " lists the products by name: " + text);
                    }
                    if (mentionsExpiry(template, channel, language)) {
                        String local = "en".equals(language) ? "1 Dec 2026, 13:00" : "1 déc. 2026, 13:00";
                        assertTrue(text.contains(local), where + " says when in the customer's zone (" + local + "): " + text);
                    }
                    assertEquals(trigger.page(), clickTarget(message.notificationId()), where + " links to its page");
                }
            }
        }
        assertEquals(demo.size() * 5 * 2, rendered.size(), "every template, every channel, both languages");
    }

    @Test
    void a_renamed_product_is_named_as_it_is_now_and_an_older_name_arriving_late_changes_nothing() throws Throwable {
        TemplateDefinition template = VertxContextSupport.subscribeAndAwait(
                () -> Panache.withSession(() -> templates.definition("back-in-stock")));
        Catalog.product(mapper, cap, "Sun cap, recycled");
        db.awaitName("product:" + cap, "Sun cap, recycled");

        Outgoing renamed = render("back-in-stock", trigger("back-in-stock"), template, MessageChannel.SMS, "en");
        assertTrue(renamed.text().startsWith("Sun cap, recycled is back in stock at Paris Louvre."), renamed.text());

        // a name older than the one held (the first version, delivered again) is dropped
        long held = db.query("SELECT version FROM catalog_name WHERE key = $1", "product:" + cap).getFirst().getLong("version");
        CloudEvent stale = Events.publish(mapper, Topics.INVENTORY_CATALOG, ProductChanged.key(cap),
                new ProductChanged(cap, "Sun cap", "", BigDecimal.TEN, "EUR", held - 1));
        db.awaitProcessed("messaging-service:catalog", stale.id());
        assertEquals("Sun cap, recycled", db.query("SELECT name FROM catalog_name WHERE key = $1", "product:" + cap)
                .getFirst().getString("name"));
    }

    @Test
    void a_reservation_message_queued_before_its_lines_were_kept_still_renders_with_the_store_named() throws Throwable {
        TemplateDefinition template = VertxContextSupport.subscribeAndAwait(
                () -> Panache.withSession(() -> templates.definition("reservation.confirmed")));
        Trigger trigger = trigger("reservation.confirmed");
        @SuppressWarnings("unchecked")
        Map<String, Object> reservation = new LinkedHashMap<>((Map<String, Object>) trigger.data().get("reservation"));
        reservation.remove("lines");
        Trigger older = new Trigger(Map.of("reservation", reservation), trigger.targetPath(), trigger.names(), trigger.page());

        Outgoing email = render("reservation.confirmed", older, template, MessageChannel.EMAIL, "en");
        assertTrue(email.text().contains("Your reservation of 3 item(s) at Paris Louvre is confirmed:\nPickup code: K7P2QX"),
                email.text());
    }

    /** What a trigger puts in a notification, the names its messages must show and the page its link leads to. */
    private record Trigger(Map<String, Object> data, String targetPath, List<String> names, String page) {
    }

    private Trigger trigger(String key) {
        String reservationId = UUID.randomUUID().toString();
        String orderId = UUID.randomUUID().toString();
        String returnId = UUID.randomUUID().toString();
        String storefront = "http://localhost:8080/storefront/";
        return switch (key) {
            case "reservation.confirmed", "reservation.ready", "reservation.expiring" -> new Trigger(
                    Map.of("reservation", FulfilmentConsumer.data(new ReservationEvent(key, reservationId, "c", louvre,
                            "CONFIRMED", List.of(new ReservationEvent.Line(tent, 1, new BigDecimal("249.00")),
                                    new ReservationEvent.Line(cap, 2, new BigDecimal("19.90"))),
                            new BigDecimal("288.80"), "EUR", "K7P2QX", EXPIRES, "web", "click-and-collect",
                            new ReservationEvent.PickupWindow(EXPIRES.minusSeconds(86_400), EXPIRES), EXPIRES.minusSeconds(172_800),
                            1))),
                    "/reservations/" + reservationId, List.of("Paris Louvre"), storefront + "?tab=reservations&reservation=" + reservationId);
            case "order.shipped", "order.delivered" -> new Trigger(
                    Map.of("order", FulfilmentConsumer.data(new OrderEvent(key, orderId, "c", "SHIPPED", bastille,
                            List.of(new OrderEvent.Allocation("wh-orleans", tent, 1)), new BigDecimal("249.00"), "EUR", "kiosk",
                            EXPIRES, 2))),
                    "/orders/" + orderId, List.of("Paris Bastille"),
                    storefront + "?tab=messages&order=" + orderId);
            case "return.accepted" -> new Trigger(
                    Map.of("returned", FulfilmentConsumer.data(new ReturnAccepted(returnId, bastille, tent, 1, "resaleable",
                            reservationId, "c", "store"))),
                    "/returns/" + returnId, List.of("Two-person tent", "Paris Bastille"), storefront + "?tab=messages&return=" + returnId);
            case "back-in-stock" -> new Trigger(AlertService.data(cap, louvre),
                    "/products/" + cap + "?storeId=" + louvre, List.of("Sun cap", "Paris Louvre"), storefront + "?q=" + cap);
            case "promotion" -> new Trigger(
                    Map.of("promotion", Map.of("id", "PROMO-WINTER", "name", "Winter sale",
                            "description", "20 % off rain jackets and winter gloves")),
                    "/promotions/PROMO-WINTER", List.of("Winter sale"), storefront);
            default -> throw new AssertionError("no realistic data for the template " + key + " in this test: add it");
        };
    }

    private Outgoing render(String key, Trigger trigger, TemplateDefinition template, MessageChannel channel, String language)
            throws Throwable {
        String customerId = UUID.randomUUID().toString();
        Recipient alice = new Recipient(customerId, "Alice Martin", Optional.of(channel), language, ZONE, (LocalTime) null,
                null, new EnumMap<>(MessageChannel.class), new RecipientAddresses(List.of("alice@example.com"),
                        List.of("+33612345678"), List.of("device-1"), List.of()));
        Map<String, Object> data = new LinkedHashMap<>(trigger.data());
        data.put(Rendering.TARGET_PATH, trigger.targetPath());
        UUID id = UUID.randomUUID();
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> notifications
                .insertOnce(id, customerId, key, "test:" + id, json.write(data), template.critical(), Instant.now(), Instant.now())
                .chain(() -> notifications.findById(id))
                .chain(notification -> rendering.prepare(notification, Optional.of(alice), template, channel,
                        alice.address(channel).orElseThrow()))));
    }

    /** What the customer reads: every text field, links and markup aside. */
    private static String readable(Outgoing message) {
        return Stream.of(message.subject(), message.html(), message.text(), message.title(), message.body())
                .filter(field -> field != null)
                .map(field -> URL.matcher(field).replaceAll(""))
                .map(field -> field.replaceAll("<[^>]+>", " "))
                .reduce("", (a, b) -> a + "\n" + b);
    }

    private static boolean mentionsExpiry(TemplateDefinition template, MessageChannel channel, String language) {
        return template.variant(channel, language).map(variant -> Stream.of(variant.subject(), variant.html(), variant.text(),
                variant.title(), variant.body()).anyMatch(field -> field != null && field.contains("expiresAt"))).orElse(false);
    }

    private String clickTarget(UUID notificationId) {
        return db.query("SELECT target FROM tracked_link WHERE notification_id = $1 AND kind = 'click'", notificationId)
                .getFirst().getString("target");
    }
}

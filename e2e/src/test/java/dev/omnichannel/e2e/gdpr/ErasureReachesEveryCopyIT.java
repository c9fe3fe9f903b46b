package dev.omnichannel.e2e.gdpr;

import static dev.omnichannel.e2e.support.Caller.ADMIN;
import static dev.omnichannel.e2e.support.Caller.CLERK_LOUVRE;
import static dev.omnichannel.e2e.support.Caller.KIOSK_LOUVRE;
import static dev.omnichannel.e2e.support.Eventually.eventually;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.omnichannel.e2e.support.Caller;
import dev.omnichannel.e2e.support.Customers;
import dev.omnichannel.e2e.support.EveryDatabase;
import dev.omnichannel.e2e.support.EveryTopic;
import dev.omnichannel.e2e.support.GatewayDatabase;
import dev.omnichannel.e2e.support.Identities;
import dev.omnichannel.e2e.support.KeycloakUsers;
import dev.omnichannel.e2e.support.Profiles;
import dev.omnichannel.e2e.support.Stock;
import dev.omnichannel.e2e.support.Views;
import dev.omnichannel.e2e.support.Webhooks;
import dev.omnichannel.testing.Mailbox;
import dev.omnichannel.testing.ProviderInbox;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * GDPR erasure reaches every copy: a customer who used every channel (web, mobile, kiosk, store,
 * social, email, SMS; a cart, a wishlist, reservations, a home delivery, a conversation, a review)
 * exports everything the suite holds about them, then erases themself; afterwards no database of the
 * cluster and no record on any topic, read from the beginning, holds their email, phone, name,
 * street or social handle, compacted topics end their keys with tombstones, and the gateway's view
 * of them is gone.
 */
class ErasureReachesEveryCopyIT {

    static final String STORE = "paris-louvre";
    /** Reserved on the web, collected at the counter, then reviewed. */
    static final String COLLECTED_SKU = "BOTTLE-1L";
    /** Reserved on the phone, confirmed by SMS, still held when the customer is erased. */
    static final String HELD_SKU = "SOCKS-HIKE-3P";
    static final String CART_SKU = "HEADLAMP-300";
    static final String WISHED_SKU = "SLEEPBAG-5C";
    /** Delivered to the customer's home from another location. */
    static final String ORDERED_SKU = "TENT-2P";
    static final String SHIPS_FROM = "paris-bastille";
    /** How long the erasure may take to reach every copy, for all the searches together. */
    static final Duration ERASURE_WAIT = Duration.ofSeconds(90);
    /** Every search gets at least this long, even past the deadline: reading every topic takes a few seconds. */
    static final Duration ONE_SEARCH = Duration.ofSeconds(10);

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String username = "erase-" + run;
    final String email = username + "@example.com";
    /** Unique to the run, searched alone: the display name is "Ottilie <surname>", a copy may keep the names apart. */
    final String surname = "Vandermeer" + run;
    final String displayName = "Ottilie " + surname;
    final String phone = "+3361" + String.format("%07d", ThreadLocalRandom.current().nextLong(10_000_000L));
    final String handle = "ottilie." + run;
    final String street = "12 rue des Oublies " + run;
    final Caller web = Caller.user("storefront", username);
    final Caller mobile = Caller.user("mobile-app", username);

    /** What identifies the customer, as every copy might spell it: nothing of it may remain anywhere. */
    Map<String, String> personalData() {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("email", email);
        texts.put("phone", phone);
        texts.put("phone without +", phone.substring(1));
        texts.put("national phone", "0" + phone.substring(3));
        texts.put("name", surname);
        texts.put("street", street);
        texts.put("handle", handle);
        return texts;
    }

    @Test
    void once_erased_no_database_and_no_topic_holds_the_personal_data_of_a_customer_who_used_every_channel() {
        Instant began = Instant.now();
        String id = aCustomerWithEmailPhoneAndHandle();
        Activity activity = usesEveryChannel(id);
        awaitEveryReadModelHoldsIt(id, activity);

        List<EveryDatabase.Finding> before = EveryDatabase.rowsContaining(Map.of("email", email));
        assertFalse(before.isEmpty(), "before the erasure the search finds the email in a database");
        say("before the erasure, the email is in " + before);
        Instant reading = Instant.now();
        EveryTopic.Reading topicsBefore = EveryTopic.recordsContaining(Map.of("customer id", id), id);
        assertFalse(topicsBefore.findings().isEmpty(), "before the erasure the reading of every topic finds the customer's id");
        say("before the erasure, the customer's id is in " + topicsBefore.findings() + "; read " + topicsBefore.records()
                + " records of " + topicsBefore.topics().size() + " topics in " + Duration.between(reading, Instant.now())
                + ": " + topicsBefore.topics());
        List<String> exportGaps = gapsInTheExport(activity);

        web.api().header("Idempotency-Key", "erase-" + run).delete("/me").then().statusCode(204);
        // from here on, no call with the customer's own token: its next sign-in would make a new profile
        Instant erased = Instant.now();
        Instant deadline = erased.plus(ERASURE_WAIT);

        List<String> inDatabases = stillFound("no database holds the personal data nor the customer's key", () -> {
            List<String> found = new ArrayList<>(EveryDatabase.rowsContaining(personalData()).stream().map(Object::toString).toList());
            // what the events carry is sealed with the customer's key: it must be gone for the sealed copies to be unreadable
            EveryDatabase.rowsContaining(Map.of("customer id", id), "personal_data_key")
                    .forEach(key -> found.add(key + ": the customer's personal data key is not destroyed"));
            return found;
        }, deadline, Duration.ofSeconds(1));
        List<String> onTopics = stillFound("no topic holds the personal data and compacted topics end with tombstones", () -> {
            EveryTopic.Reading after = EveryTopic.recordsContaining(personalData(), id);
            List<String> found = new ArrayList<>(after.findings().stream().map(Object::toString).toList());
            after.notTombstoned().forEach(key -> found.add(key + ": the last record of a compacted topic's key is no tombstone"));
            return found;
        }, deadline, Duration.ofSeconds(5));
        List<String> inTheView = stillFound("the view model has nothing of the customer", () -> leftInTheView(id),
                deadline, Duration.ofSeconds(1));
        say("searched every copy " + Duration.between(erased, Instant.now()) + " after the erasure; the test took "
                + Duration.between(began, Instant.now()));

        assertAll(
                nothingLeft("export (GET /me/export) before the erasure lacks", exportGaps),
                nothingLeft("after the erasure, rows with the customer's personal data or key (db.schema.table: rows)", inDatabases),
                nothingLeft("after the erasure, records with the customer's personal data (topic: records)", onTopics),
                nothingLeft("after the erasure, the gateway's view still holds", inTheView));
    }

    /** A new Keycloak user signs in on the web: a profile with the verified email; a phone and a handle are linked to it. */
    private String aCustomerWithEmailPhoneAndHandle() {
        KeycloakUsers.ensureCustomer(username, "Ottilie", surname);
        JsonPath profile = web.api().get("/me").then().statusCode(200).extract().jsonPath();
        String id = profile.getString("id");
        assertEquals(displayName, profile.getString("displayName"));
        assertTrue(profile.getList("identities.value").contains(email), "the token's email is an identity: " + profile.get("identities"));
        Identities.link(id, "phone", phone, null);
        Identities.link(id, "social", "@" + handle, "instagram");
        web.api().body(Map.of("preferredStoreId", STORE, "language", "en", "timeZone", "Europe/Paris"))
                .patch("/me/preferences").then().statusCode(200);
        Profiles.setConsent(web, "email", true);
        Profiles.setConsent(mobile, "sms", true);
        Profiles.setPreferredChannel(web, "email");
        Customers.expectMailFor(web);
        return id;
    }

    /** What the customer did, to find it in the export and the view. */
    record Activity(String collectedReservation, String heldReservation, String order, String conversation, String review) {
    }

    private Activity usesEveryChannel(String id) {
        web.api().body(Map.of("quantity", 1)).put("/me/cart/items/{sku}", CART_SKU).then().statusCode(200);
        mobile.api().put("/me/wishlist/{sku}", WISHED_SKU).then().statusCode(200);

        // click and collect on the web, confirmed by email, collected at the counter, then reviewed
        Stock.ensureAtLeast(COLLECTED_SKU, STORE, 2);
        JsonPath collected = reserve(web, COLLECTED_SKU);
        String collectedCode = collected.getString("pickupCode");
        Mailbox.await(email, mail -> mail.subject().contains(collectedCode), Customers.MAIL_WAIT);
        CLERK_LOUVRE.api().body(Map.of("pickupCode", collectedCode))
                .post("/reservations/{id}/collect", collected.getString("id"))
                .then().statusCode(200).body("status", equalTo("COLLECTED"));
        String review = web.api().body(Map.of("rating", 5, "text", "Keeps my tea hot all day. " + displayName))
                .put("/me/reviews/{sku}", COLLECTED_SKU)
                .then().statusCode(201).extract().path("id");

        // a reservation on the phone, confirmed by SMS once SMS is the preferred channel; still held
        Profiles.setPreferredChannel(mobile, "sms");
        String held = reservedAndToldBySms();

        // home delivery from another location
        Stock.ensureAtLeast(ORDERED_SKU, SHIPS_FROM, 2);
        String order = mobile.api()
                .body(Map.of("lines", List.of(Map.of("sku", ORDERED_SKU, "quantity", 1)),
                        "deliverTo", Map.of("address", Map.of("street", street, "postalCode", "75011", "city", "Paris",
                                "country", "FR", "lat", 48.8566, "lon", 2.3795))))
                .post("/orders")
                .then().statusCode(201).extract().path("id");

        // one conversation: written on the phone (with the phone number in it), then on Instagram and by email
        String conversation = mobile.api()
                .body(Map.of("subject", "Tent delivery " + run,
                        "text", "Please call me on " + phone + " before you deliver to " + street + "."))
                .post("/me/conversations")
                .then().statusCode(201).extract().path("id");
        Webhooks.deliver("social", "{\"type\":\"message\",\"messageId\":\"ig-" + run + "\",\"from\":\"@" + handle + "\","
                + "\"provider\":\"instagram\",\"subject\":\"Tent delivery " + run + "\",\"text\":\"Any news? " + displayName + "\"}")
                .then().statusCode(200);
        Webhooks.deliver("email", "{\"type\":\"message\",\"messageId\":\"mail-" + run + "\",\"from\":\"" + email + "\","
                + "\"subject\":\"Re: Tent delivery " + run + "\",\"text\":\"I am home after 6 pm. " + displayName + "\"}")
                .then().statusCode(200);

        // in store: the kiosk finds the customer by phone (a visit), shows the view; staff read the timeline
        KIOSK_LOUVRE.api().queryParam("identity", "phone:" + phone).get("/customers")
                .then().statusCode(200).body("items[0].id", equalTo(id));
        Views.completeFor(KIOSK_LOUVRE, id);
        CLERK_LOUVRE.api().get("/customers/{id}/timeline", id).then().statusCode(200);
        return new Activity(collected.getString("id"), held, order, conversation, review);
    }

    private static JsonPath reserve(Caller customer, String sku) {
        return customer.api()
                .body(Map.of("storeId", STORE, "lines", List.of(Map.of("sku", sku, "quantity", 1))))
                .post("/reservations")
                .then().statusCode(201).extract().jsonPath();
    }

    /**
     * A reservation on the phone whose confirmation is sent by SMS. Messaging reads the preference
     * change from customer.events and the reservation from inventory.fulfilment: should the
     * reservation overtake the change, its confirmation is mailed; that one is cancelled and another made.
     */
    private String reservedAndToldBySms() {
        Stock.ensureAtLeast(HELD_SKU, STORE, 4);
        for (int attempt = 1; attempt <= 3; attempt++) {
            JsonPath reservation = reserve(mobile, HELD_SKU);
            String code = reservation.getString("pickupCode");
            String[] channel = new String[1];
            eventually(Customers.MAIL_WAIT).alias("the confirmation of " + code + " by SMS or mail").until(() -> {
                channel[0] = ProviderInbox.received("sms").stream().anyMatch(sms -> sms.text().contains(code)) ? "sms"
                        : Mailbox.of(email).stream().anyMatch(mail -> mail.subject().contains(code)) ? "email" : null;
                return channel[0] != null;
            });
            if ("sms".equals(channel[0])) {
                ProviderInbox.Delivery sms = ProviderInbox.await("sms", d -> d.text().contains(code), Duration.ofSeconds(5));
                assertTrue(sms.text().contains(phone), "the SMS goes to the customer's phone: " + sms.text());
                return reservation.getString("id");
            }
            mobile.api().delete("/reservations/{id}", reservation.getString("id")).then().statusCode(200);
        }
        return fail("three reservations were confirmed by mail although SMS is the preferred channel");
    }

    /** The web view holds the cart, the wishlist, the held reservation, the order and the conversation: every read model has them. */
    private void awaitEveryReadModelHoldsIt(String id, Activity activity) {
        eventually().alias("the view holds everything the customer did").untilAsserted(() -> {
            JsonPath view = Views.complete(web);
            assertEquals(displayName, view.getString("customer.displayName"));
            assertTrue(view.getList("cart.items.sku").contains(CART_SKU), "cart: " + view.get("cart"));
            assertTrue(view.getList("wishlist.sku").contains(WISHED_SKU), "wishlist: " + view.get("wishlist"));
            assertTrue(view.getList("reservations.id").contains(activity.heldReservation()), "reservations: " + view.get("reservations"));
            assertTrue(view.getList("orders.id").contains(activity.order()), "orders: " + view.get("orders"));
            assertTrue(view.getString("conversation").contains(phone), "the conversation's last messages: " + view.get("conversation"));
        });
        assertTrue(GatewayDatabase.rowsAbout(id) > 0, "the gateway's view model holds the customer");
    }

    /** What {@code GET /me/export} should hold and does not: the profile, reservations, orders, conversations, notifications, reviews. */
    private List<String> gapsInTheExport(Activity activity) {
        JsonPath export = web.api().get("/me/export").then().statusCode(200).extract().jsonPath();
        List<String> gaps = new ArrayList<>();
        expect(gaps, export.getList("customer.profile.identities.value").containsAll(List.of(email, phone, "@" + handle)),
                "the profile's identities (email, phone, handle): " + export.get("customer.profile.identities"));
        expect(gaps, displayName.equals(export.getString("customer.profile.displayName")), "the profile's name");
        expect(gaps, export.getList("customer.cart.items.sku").contains(CART_SKU), "the cart: " + export.get("customer.cart"));
        expect(gaps, export.getList("customer.wishlist.items.sku").contains(WISHED_SKU), "the wishlist: " + export.get("customer.wishlist"));
        expect(gaps, !export.getList("customer.visits").isEmpty(), "the store visit: " + export.get("customer.visits"));
        expect(gaps, export.getList("reservations.items.id").containsAll(List.of(activity.collectedReservation(), activity.heldReservation())),
                "both reservations: " + export.get("reservations"));
        expect(gaps, export.getList("orders.items.id").contains(activity.order()), "the home delivery: " + export.get("orders"));
        expect(gaps, export.getList("conversations.items.id").contains(activity.conversation()),
                "the conversation: " + export.get("conversations"));
        expect(gaps, !export.getList("notifications.items").isEmpty(), "the notifications sent by email and SMS: " + export.get("notifications"));
        Object reviews = export.get("reviews");
        expect(gaps, reviews != null && reviews.toString().contains(activity.review()), "the review " + activity.review() + ": " + reviews);
        return gaps;
    }

    private static void expect(List<String> gaps, boolean held, String what) {
        if (!held) {
            gaps.add(what);
        }
    }

    /** What the gateway's view model and a staff view still show of the customer. */
    private List<String> leftInTheView(String id) {
        List<String> left = new ArrayList<>();
        int rows = GatewayDatabase.rowsAbout(id);
        if (rows > 0) {
            left.add(rows + " rows of the view model (customer_view, view_holding, view_subject, view_merge)");
        }
        Response staffView = ADMIN.api().get("/customers/{id}/view", id);
        if (staffView.statusCode() == 200) {
            JsonPath view = staffView.jsonPath();
            String body = staffView.asString().toLowerCase();
            personalData().forEach((label, text) -> {
                if (body.contains(text.toLowerCase())) {
                    left.add("the staff view shows the " + label);
                }
            });
            if (view.get("customer") != null) {
                left.add("the staff view's customer: " + view.get("customer"));
            }
            for (String part : List.of("cart.items", "wishlist", "reservations", "orders", "conversation.lastMessages")) {
                List<Object> items = view.getList(part);
                if (items != null && !items.isEmpty()) {
                    left.add("the staff view's " + part + ": " + items);
                }
            }
        } else if (staffView.statusCode() != 404) {
            left.add("the staff view answers " + staffView.statusCode() + ": " + staffView.asString());
        }
        return left;
    }

    /**
     * Searches again and again until {@code find} finds nothing or the deadline passed (each search is
     * given {@link #ONE_SEARCH} at least); answers what the last search found.
     */
    private static List<String> stillFound(String what, Supplier<List<String>> find, Instant deadline, Duration pollInterval) {
        AtomicReference<List<String>> last = new AtomicReference<>(List.of("no search finished in time"));
        Duration left = Duration.between(Instant.now(), deadline);
        try {
            eventually(left.compareTo(ONE_SEARCH) < 0 ? ONE_SEARCH : left).pollInterval(pollInterval).alias(what).until(() -> {
                List<String> found = find.get();
                last.set(found);
                return found.isEmpty();
            });
        } catch (ConditionTimeoutException e) {
            say(what + ": not so at the deadline, still found " + last.get());
        }
        return last.get();
    }

    private static void say(String what) {
        System.out.println("[erasure] " + what);
    }

    private static Executable nothingLeft(String what, List<String> found) {
        return () -> assertTrue(found.isEmpty(), what + ":\n  " + String.join("\n  ", found));
    }
}

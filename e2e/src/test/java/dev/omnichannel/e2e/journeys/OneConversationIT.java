package dev.omnichannel.e2e.journeys;

import static dev.omnichannel.e2e.support.Caller.ADMIN;
import static dev.omnichannel.e2e.support.Caller.ALICE_ON_WEB;
import static dev.omnichannel.e2e.support.Caller.CLERK_LOUVRE;
import static dev.omnichannel.e2e.support.Eventually.eventually;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.e2e.support.PersonalData;
import dev.omnichannel.e2e.support.Webhooks;
import dev.omnichannel.testing.TopicProbe;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Journey 7: staff find the customer's two profiles — the one made in store (another phone, her
 * Instagram handle) and her account (her email) — and merge them; she writes on social media,
 * follows up by email and finishes in store: one conversation with every message once, which
 * staff see as she does.
 */
class OneConversationIT {

    /** Alice's demo duplicate, made in store before she had an account: another phone and her Instagram handle. */
    static final String DUPLICATE_PHONE = "phone:+33611112222";
    static final String ALICES_EMAIL = "email:alice@example.com";

    private String mergeId;

    @BeforeEach
    void twoProfiles() {
        if (profileId(DUPLICATE_PHONE).equals(profileId(ALICES_EMAIL))) {
            undoMergesOfTheDuplicate(); // an earlier run stopped before its clean-up
        }
    }

    @AfterEach
    void splitTheProfilesAgain() {
        if (mergeId != null) {
            ADMIN.api().post("/customers/merges/{mergeId}/undo", mergeId).then().statusCode(200);
            eventually().alias("the profiles split again")
                    .until(() -> !profileId(DUPLICATE_PHONE).equals(profileId(ALICES_EMAIL)));
        }
    }

    @Test
    void staff_merge_her_two_profiles_then_social_email_and_store_messages_make_one_conversation_without_duplicates() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String subject = "Pegs for the two-person tent " + run;
        String socialText = "Hi! Do you have spare pegs for the 2P tent? (" + run + ")";
        String emailText = "Following up on Instagram: I can come by the Louvre store. (" + run + ")";
        String storeText = "Your pegs are at the counter, see you soon. (" + run + ")";

        String duplicate = profileId(DUPLICATE_PHONE);
        String alice = profileId(ALICES_EMAIL);
        assertNotEquals(alice, duplicate, "two profiles: the one made in store (phone, Instagram) and her account");
        try (TopicProbe customerEvents = TopicProbe.open("customer.events")) {
            mergeId = CLERK_LOUVRE.api().body(Map.of("duplicateId", duplicate))
                    .post("/customers/{id}/merge", alice)
                    .then().statusCode(200)
                    .body("survivorId", equalTo(alice))
                    .extract().path("mergeId");
            customerEvents.await(e -> e.type().equals("customer.profile-changed")
                    && alice.equals(e.data().path("customerId").asText())
                    && PersonalData.opened(e).path("socialHandles").toString().contains("alice.m"), Duration.ofSeconds(60));
        }
        assertEquals(alice, profileId(DUPLICATE_PHONE), "her other phone now finds her");
        eventually().alias("messaging knows the merge: the in-store profile's threads are hers")
                .until(() -> threadsOf(duplicate).equals(threadsOf(alice)));

        String socialMessage = "{\"type\":\"message\",\"messageId\":\"ig-" + run + "\",\"from\":\"@alice.m\","
                + "\"provider\":\"instagram\",\"subject\":\"" + subject + "\",\"text\":\"" + socialText + "\"}";
        String conversationId = Webhooks.deliver("social", socialMessage)
                .then().statusCode(200)
                .body("duplicate", equalTo(false))
                .extract().path("conversationId");
        Webhooks.deliver("social", socialMessage) // the provider retries: stored once
                .then().statusCode(200)
                .body("duplicate", equalTo(true))
                .body("conversationId", equalTo(conversationId));
        // whichever profile messaging knew the handle by, the thread is hers once it has applied the merge;
        // the id staff knew her by in store leads to it too
        eventually().alias("the social thread is hers").untilAsserted(() -> CLERK_LOUVRE.api()
                .get("/customers/{id}/conversations/{conversationId}", duplicate, conversationId)
                .then().statusCode(200)
                .body("customerId", equalTo(alice)));

        Webhooks.deliver("email", "{\"type\":\"message\",\"messageId\":\"mail-" + run + "\",\"from\":\"alice@example.com\","
                + "\"subject\":\"Re: " + subject + "\",\"text\":\"" + emailText + "\"}")
                .then().statusCode(200)
                .body("conversationId", equalTo(conversationId))
                .body("duplicate", equalTo(false));
        CLERK_LOUVRE.api().body(Map.of("text", storeText))
                .post("/customers/{id}/conversations/{conversationId}/messages", alice, conversationId)
                .then().statusCode(201);

        JsonPath seenByStaff = CLERK_LOUVRE.api().get("/customers/{id}/conversations/{conversationId}", alice, conversationId)
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> messages = seenByStaff.getList("messages");
        List<Map<String, Object>> ours = messages.stream().filter(m -> String.valueOf(m.get("text")).contains(run)).toList();
        assertEquals(List.of(socialText, emailText, storeText), ours.stream().map(m -> m.get("text")).toList(),
                "every message once, in order: " + ours);
        assertEquals(List.of("social", "email", "store"), ours.stream().map(m -> m.get("channel")).toList());
        assertEquals(List.of("customer", "customer", "staff"), ours.stream().map(m -> m.get("author")).toList());

        List<String> threads = threadsOf(alice);
        assertTrue(threads.contains(conversationId), "the thread is hers: " + threads);
        List<String> withOurMessages = threads.stream().filter(thread -> CLERK_LOUVRE.api()
                .get("/customers/{id}/conversations/{conversationId}", alice, thread)
                .then().statusCode(200).extract().jsonPath().getList("messages.text").stream()
                .anyMatch(text -> String.valueOf(text).contains(run))).toList();
        assertEquals(List.of(conversationId), withOurMessages, "one conversation holds the messages");

        JsonPath seenByAlice = ALICE_ON_WEB.api().get("/me/conversations/{id}", conversationId)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(messages, seenByAlice.getList("messages"), "she sees the thread staff see");
        assertTrue(seenByAlice.getList("messages.text").contains(storeText));
    }

    private static List<String> threadsOf(String customerId) {
        return CLERK_LOUVRE.api().queryParam("size", 100)
                .get("/customers/{id}/conversations", customerId)
                .then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    private static String profileId(String identity) {
        return CLERK_LOUVRE.api().queryParam("identity", identity)
                .get("/customers")
                .then().statusCode(200)
                .extract().path("items[0].id");
    }

    /** Undoes the merges still active that took the duplicate into alice (admin, as the contract allows). */
    private static void undoMergesOfTheDuplicate() {
        List<Map<String, Object>> merges = ALICE_ON_WEB.api().get("/me/export")
                .then().statusCode(200).extract().jsonPath().getList("customer.merges");
        merges.stream().filter(merge -> merge.get("undoneAt") == null)
                .sorted((a, b) -> String.valueOf(b.get("mergedAt")).compareTo(String.valueOf(a.get("mergedAt"))))
                .forEach(merge -> ADMIN.api().post("/customers/merges/{mergeId}/undo", merge.get("mergeId"))
                        .then().statusCode(200));
    }
}

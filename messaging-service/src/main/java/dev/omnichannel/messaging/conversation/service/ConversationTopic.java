package dev.omnichannel.messaging.conversation.service;

import java.util.Locale;

/** The topic of a thread, from a subject: "Re: Tent order" and "tent  order" are one topic. */
final class ConversationTopic {

    static final String GENERAL = "general";

    private ConversationTopic() {
    }

    static String of(String subject) {
        if (subject == null || subject.isBlank()) {
            return GENERAL;
        }
        String topic = subject.trim().toLowerCase(Locale.ROOT);
        String previous;
        do {
            previous = topic;
            topic = topic.replaceFirst("^(re|fw|fwd|tr|aw|wg)\\s*(\\[\\d+\\])?\\s*:\\s*", "");
        } while (!topic.equals(previous));
        topic = topic.replaceAll("\\s+", " ").trim();
        if (topic.isEmpty()) {
            return GENERAL;
        }
        return topic.length() > 200 ? topic.substring(0, 200) : topic;
    }
}

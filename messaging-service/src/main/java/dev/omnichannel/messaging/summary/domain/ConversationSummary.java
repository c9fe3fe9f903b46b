package dev.omnichannel.messaging.summary.domain;

import dev.omnichannel.shared.events.messaging.MessagingSummaryChanged.Inbox;
import dev.omnichannel.shared.events.messaging.MessagingSummaryChanged.Message;
import dev.omnichannel.shared.events.messaging.MessagingSummaryChanged;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** {@code GET /customers/{id}/conversation-summary}: the content of {@code messaging.summary-changed}, and its version. */
@RegisterForReflection
public record ConversationSummary(long unread, List<Message> lastMessages, Inbox inbox, long version) {

    public static ConversationSummary of(MessagingSummaryChanged summary) {
        return new ConversationSummary(summary.unread(), summary.lastMessages(), summary.inbox(), summary.version());
    }
}

package dev.omnichannel.customer.timeline.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omnichannel.customer.timeline.service.Happening;
import dev.omnichannel.customer.timeline.service.TimelineService;
import dev.omnichannel.shared.data.consumer.IdempotentConsumer;
import dev.omnichannel.shared.events.CloudEvent;
import dev.omnichannel.shared.events.messaging.ConversationMessageAdded;
import dev.omnichannel.shared.events.messaging.MessageStatusChanged;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Messages sent to customers and conversation messages ({@code messaging.events}). */
@ApplicationScoped
public class MessagingConsumer {

    static final String MESSAGE_SENT = "message.sent";

    private final IdempotentConsumer consumer;
    private final TimelineService timeline;
    private final ObjectMapper mapper;

    MessagingConsumer(IdempotentConsumer consumer, TimelineService timeline, ObjectMapper mapper) {
        this.consumer = consumer;
        this.timeline = timeline;
        this.mapper = mapper;
    }

    @Incoming("messaging")
    public Uni<Void> consume(String record) {
        CloudEvent event = consumer.parse(record);
        if (MESSAGE_SENT.equals(event.type())) {
            return consumer.handleOnce("customer-service:timeline:messages", event, e -> {
                MessageStatusChanged m = e.dataAs(mapper, MessageStatusChanged.class);
                String summary = "Message" + (m.templateKey() != null ? " '" + m.templateKey() + "'" : "") + " sent by " + m.channel();
                return timeline.record(e, new Happening(m.customerId(), m.at(), m.channel(), e.type(), summary,
                        m.messageId(), false), customer -> Uni.createFrom().voidItem());
            });
        }
        if (ConversationMessageAdded.TYPE.equals(event.type())) {
            return consumer.handleOnce("customer-service:timeline:conversations", event, e -> {
                ConversationMessageAdded m = e.dataAs(mapper, ConversationMessageAdded.class);
                String summary = "Message from " + (m.author() == null ? "someone" : m.author()) + " on " + m.channel()
                        + " in a conversation";
                return timeline.record(e, new Happening(m.customerId(), m.at(), m.channel(), e.type(), summary,
                        m.conversationId(), "customer".equals(m.author())), customer -> Uni.createFrom().voidItem());
            });
        }
        return Uni.createFrom().voidItem();
    }
}

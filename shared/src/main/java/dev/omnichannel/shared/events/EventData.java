package dev.omnichannel.shared.events;

/**
 * The {@code data} of a CloudEvent. Each record implementing it is the documented schema of one
 * event type; the type name is fixed by the record, so a producer cannot mislabel an event.
 */
public interface EventData {

    String eventType();
}

package dev.omnichannel.customer.timeline.rest;

import java.time.Instant;

/** One line of the timeline: when, on which channel, what kind of thing, in words, and the id it refers to. */
public record TimelineItem(Instant at, String channel, String kind, String summary, String ref) {
}

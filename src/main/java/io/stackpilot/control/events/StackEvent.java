package io.stackpilot.control.events;

import java.time.Instant;

/**
 * One entry of the live event stream.
 *
 * @param id position in the stream, increasing by one per event from 1 at service start
 * @param type {@code component}, {@code operation} or {@code step}
 * @param at when the event was published
 * @param data the event's payload, written as JSON
 */
public record StackEvent(long id, String type, Instant at, Object data) {}

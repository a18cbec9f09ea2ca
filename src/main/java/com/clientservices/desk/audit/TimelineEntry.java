package com.clientservices.desk.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.OffsetDateTime;

/**
 * One thing that happened to a ticket: when, what, who (absent when the desk itself did it), and how.
 *
 * @param task the engine's task the entry is about, so the timeline in words pairs a task's creation with its
 *             own end even while two tasks of one step are open; not part of the API's answer
 */
public record TimelineEntry(
        OffsetDateTime at,
        String type,
        String actor,
        String description,
        @JsonIgnore String task) {

    public TimelineEntry(OffsetDateTime at, String type, String actor, String description) {
        this(at, type, actor, description, null);
    }
}

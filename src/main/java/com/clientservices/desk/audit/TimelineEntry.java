package com.clientservices.desk.audit;

import java.time.OffsetDateTime;

/** One thing that happened to a ticket: when, what, who (absent when the desk itself did it), and how. */
public record TimelineEntry(OffsetDateTime at, String type, String actor, String description) {}

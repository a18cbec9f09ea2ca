package com.clientservices.desk.engine;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The desk's "now". It is the engine's clock, so the times the desk records (ticket events, SLA
 * targets, messages) agree with the engine's timers and task dates, and a test that moves the
 * engine's clock ({@code ClockUtil.setCurrentTime}) moves the desk's time with it. The engine
 * offers its clock only as the internal {@code ClockUtil}; this is the one class that reads it.
 */
@Component
public final class DeskClock {

    DeskClock() {}

    public Instant now() {
        return ClockUtil.now().toInstant();
    }

    /** Now, as the desk's tables store times. */
    public OffsetDateTime nowUtc() {
        return now().atOffset(ZoneOffset.UTC);
    }
}

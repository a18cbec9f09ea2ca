package com.clientservices.desk.audit;

import java.time.LocalDate;
import org.springframework.context.ApplicationContext;

/**
 * The heat map's own query (docs/specification.md §14) for a benchmark in another package: the same service the
 * page and its data endpoint call, without the page around it.
 */
public final class HeatMapProbe {

    private final HeatMap heatMap;
    private final StepSummary summary;

    public HeatMapProbe(ApplicationContext context) {
        this.heatMap = context.getBean(HeatMap.class);
        this.summary = context.getBean(StepSummary.class);
    }

    /** Adds every finished ticket to the heat map's sums now, as the desk does every minute; returns how many. */
    public int summarize() {
        return summary.catchUp(Integer.MAX_VALUE);
    }

    /** The tickets of the lifecycle submitted from the day {@code from} to the day before {@code to}, of that team and request type when given. */
    public long tickets(String process, LocalDate from, LocalDate to, String team, String requestType) {
        return heatMap.of(new HeatMap.Filter(process, from, to, team, requestType))
                .tickets();
    }
}

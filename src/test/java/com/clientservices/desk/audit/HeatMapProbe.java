package com.clientservices.desk.audit;

import java.time.Instant;
import org.springframework.context.ApplicationContext;

/**
 * The heat map's own query (docs/specification.md §14) for a benchmark in another package: the same service the
 * page and its data endpoint call, without the page around it.
 */
public final class HeatMapProbe {

    private final HeatMap heatMap;

    public HeatMapProbe(ApplicationContext context) {
        this.heatMap = context.getBean(HeatMap.class);
    }

    /** The tickets of the lifecycle submitted in [from, to), of that team and request type when given. */
    public long tickets(String process, Instant from, Instant to, String team, String requestType) {
        return heatMap.of(new HeatMap.Filter(process, from, to, team, requestType))
                .tickets();
    }
}

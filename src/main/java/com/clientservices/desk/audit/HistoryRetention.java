package com.clientservices.desk.audit;

import com.clientservices.desk.DeskProperties;
import org.camunda.bpm.engine.RepositoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the engine's history for the configured retention ({@code desk.history.retention-days},
 * default 2,555 days, seven years): every deployed process and decision gets that time to live, and
 * the engine's history cleanup (configured in application.yml) removes what is older.
 */
@Component
class HistoryRetention {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryRetention.class);

    private final RepositoryService repository;
    private final int days;

    @Autowired
    HistoryRetention(RepositoryService repository, DeskProperties properties) {
        this(repository, properties.history().retentionDays());
    }

    HistoryRetention(RepositoryService repository, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("desk.history.retention-days must be at least 1");
        }
        this.repository = repository;
        this.days = days;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void apply() {
        var changed = 0;
        for (var process : repository.createProcessDefinitionQuery().list()) {
            if (process.getHistoryTimeToLive() == null || process.getHistoryTimeToLive() != days) {
                repository.updateProcessDefinitionHistoryTimeToLive(process.getId(), days);
                changed++;
            }
        }
        for (var decision : repository.createDecisionDefinitionQuery().list()) {
            if (decision.getHistoryTimeToLive() == null || decision.getHistoryTimeToLive() != days) {
                repository.updateDecisionDefinitionHistoryTimeToLive(decision.getId(), days);
                changed++;
            }
        }
        if (changed > 0) {
            LOG.info("History of {} definitions is now kept for {} days", changed, days);
        }
    }

    int days() {
        return days;
    }
}

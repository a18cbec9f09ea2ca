package com.clientservices.desk.sla;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * SLA warnings and breaches as Prometheus counters ({@code desk_sla_warnings_total},
 * {@code desk_sla_breaches_total}), by target kind and team. A warning counts once its transaction
 * commits, so a timer job that is rolled back and retried is not counted twice. Each node counts
 * what it fired; the cluster's figure is the sum over nodes.
 */
@Component
class SlaMetrics {

    private final MeterRegistry registry;

    SlaMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void warned(SlaTargetKind kind, String team) {
        afterCommit(
                counter("desk.sla.warnings", "SLA warning times reached with the target still running", kind, team));
    }

    void breached(SlaTargetKind kind, String team) {
        afterCommit(counter("desk.sla.breaches", "SLA targets missed at their due time", kind, team));
    }

    private Counter counter(String name, String description, SlaTargetKind kind, String team) {
        return Counter.builder(name)
                .description(description)
                .tag("kind", kind.name())
                .tag("team", team == null ? "none" : team)
                .register(registry);
    }

    private static void afterCommit(Counter counter) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }
}

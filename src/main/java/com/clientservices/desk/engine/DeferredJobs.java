package com.clientservices.desk.engine;

import java.util.ArrayList;
import java.util.Date;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Jobs of the desk's own that run a {@link DeferredWork}: written in the transaction of the step that
 * defers the work, so the work is neither lost nor done twice (docs/specification.md §8), and run by
 * the engine's job executor like any job, with its retries and, when they run out, an incident.
 * A job carries only the work's name and its payload, which only the desk writes: the engine's API
 * lets nobody change a job's configuration.
 */
@Component
public class DeferredJobs extends AbstractProcessEnginePlugin {

    static final String TYPE = "desk-deferred-work";

    private final ObjectProvider<DeferredWork> works;
    private final DeskClock clock;

    DeferredJobs(ObjectProvider<DeferredWork> works, DeskClock clock) {
        this.works = works;
        this.clock = clock;
    }

    /** Writes a job, due now, that runs {@code work} with {@code payload}; only inside a step of a model. */
    public void defer(DeferredWork work, String payload) {
        var context = Context.getCommandContext();
        if (context == null) {
            throw new IllegalStateException("work is deferred only from inside the engine's transaction");
        }
        var job = new MessageEntity();
        job.setJobHandlerType(TYPE);
        job.setJobHandlerConfiguration(new Configuration(work.name(), payload));
        job.setPriority(work.priority());
        job.setProcessDefinitionKey(work.processDefinitionKey());
        job.setDuedate(Date.from(clock.now()));
        context.getJobManager().send(job);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        var handlers = configuration.getCustomJobHandlers() == null
                ? new ArrayList<JobHandler>()
                : new ArrayList<>(configuration.getCustomJobHandlers());
        handlers.add(new Handler(works));
        configuration.setCustomJobHandlers(handlers);
    }

    private record Configuration(String work, String payload) implements JobHandlerConfiguration {

        static Configuration parse(String canonical) {
            var colon = canonical.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("not a deferred work: " + canonical);
            }
            return new Configuration(canonical.substring(0, colon), canonical.substring(colon + 1));
        }

        @Override
        public String toCanonicalString() {
            return work + ':' + payload;
        }
    }

    private record Handler(ObjectProvider<DeferredWork> works) implements JobHandler<Configuration> {

        @Override
        public String getType() {
            return TYPE;
        }

        @Override
        public void execute(
                Configuration configuration, ExecutionEntity execution, CommandContext context, String tenantId) {
            var work = works.orderedStream()
                    .filter(candidate -> candidate.name().equals(configuration.work()))
                    .findFirst()
                    // The job fails and keeps its retries: a release that dropped a work must not drop its jobs.
                    .orElseThrow(() -> new IllegalStateException("no deferred work named " + configuration.work()));
            work.run(configuration.payload());
        }

        @Override
        public Configuration newConfiguration(String canonical) {
            return Configuration.parse(canonical);
        }

        @Override
        public void onDelete(Configuration configuration, JobEntity job) {
            // Nothing of its own to clean up.
        }
    }
}

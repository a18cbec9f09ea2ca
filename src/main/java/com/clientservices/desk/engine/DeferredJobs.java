package com.clientservices.desk.engine;

import java.util.ArrayList;
import java.util.Date;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.ParseUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Jobs of the desk's own that run a {@link DeferredWork}: written in the transaction of the step that
 * defers the work, so the work is neither lost nor done twice (docs/specification.md §7), and run by
 * the engine's job executor like any job, with its retries and, when they run out, an incident.
 * A job carries only the work's name and its payload, which only the desk writes: the engine's API
 * lets nobody change a job's configuration. A failed job is tried again on its work's
 * {@link DeferredWork#retryCycle() retry cycle}, as a model's job would be on its
 * {@code failedJobRetryTimeCycle}.
 */
@Component
public class DeferredJobs extends AbstractProcessEnginePlugin {

    static final String TYPE = "desk-deferred-work";

    private final ObjectProvider<DeferredWork> works;
    private final DeskClock clock;
    private ProcessEngineConfigurationImpl engine;

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

    /**
     * As {@link #defer}, from a transaction of the desk's own outside any step of a model (a message the desk
     * sends about an e-mail it did not take): the job joins that transaction, so it is written with the rest of
     * the work or not at all.
     */
    public void deferFromTheDesk(DeferredWork work, String payload) {
        if (Context.getCommandContext() != null) {
            defer(work, payload);
            return;
        }
        engine.getCommandExecutorTxRequired().execute(context -> {
            defer(work, payload);
            return null;
        });
    }

    /**
     * Runs the work in a transaction of its own, committed before this returns, in which {@link #defer} writes its
     * jobs: for work done after something has left the desk that must be recorded whatever becomes of the
     * transaction it was sent from (notification.DeliverMessage).
     */
    public void inATransactionOfItsOwn(Runnable work) {
        engine.getCommandExecutorTxRequiresNew().execute(context -> {
            work.run();
            return null;
        });
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.engine = configuration;
        var handlers = configuration.getCustomJobHandlers() == null
                ? new ArrayList<JobHandler>()
                : new ArrayList<>(configuration.getCustomJobHandlers());
        handlers.add(new Handler(works));
        configuration.setCustomJobHandlers(handlers);
        configuration.setFailedJobCommandFactory(
                (jobId, exception) -> new RetryOnCycle(jobId, exception, this::retryCycleOf));
    }

    /** The retry cycle of a job of the desk's own, if its work has one. */
    private Optional<String> retryCycleOf(JobEntity job) {
        if (!TYPE.equals(job.getJobHandlerType())) {
            return Optional.empty();
        }
        return named(
                        works,
                        Configuration.parse(job.getJobHandlerConfigurationRaw()).work())
                .map(DeferredWork::retryCycle);
    }

    /** The deferred work a job names. */
    private static Optional<DeferredWork> named(ObjectProvider<DeferredWork> works, String name) {
        return works.orderedStream().filter(work -> work.name().equals(name)).findFirst();
    }

    /**
     * The engine's own failed-job handling, with the retry cycle of a deferred work where a model's job
     * would have its activity's, and a work that is {@link DeferredWork.NotYet not yet} possible due again
     * when it says, its tries untouched: every other job is handled exactly as by default.
     */
    private static final class RetryOnCycle extends DefaultJobRetryCmd {

        private final Function<JobEntity, Optional<String>> cycles;
        private String cycle;

        RetryOnCycle(String jobId, Throwable exception, Function<JobEntity, Optional<String>> cycles) {
            super(jobId, exception);
            this.cycles = cycles;
        }

        @Override
        public Object execute(CommandContext context) {
            var job = getJob();
            var notYet = Causes.first(exception, DeferredWork.NotYet.class).orElse(null);
            if (job != null && notYet != null) {
                job.unlock();
                job.setDuedate(Date.from(notYet.at()));
                notifyAcquisition(context);
                return null;
            }
            cycle = job == null ? null : cycles.apply(job).orElse(null);
            if (cycle == null) {
                return super.execute(context);
            }
            try {
                executeCustomStrategy(context, job, null);
            } catch (Exception unreadableCycle) {
                executeStandardStrategy(context);
            }
            return null;
        }

        @Override
        public FailedJobRetryConfiguration getFailedJobRetryConfiguration(JobEntity job, ActivityImpl activity) {
            return cycle == null
                    ? super.getFailedJobRetryConfiguration(job, activity)
                    : ParseUtil.parseRetryIntervals(cycle);
        }
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
            var work = named(works, configuration.work())
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

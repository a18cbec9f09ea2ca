package com.clientservices.desk.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;

/**
 * What a model step (a delegate or listener, always inside the engine command that runs it) needs
 * of that command and that the public API does not offer. Static, because both work on the engine
 * command of the calling thread, which no bean holds.
 */
public final class EngineCommands {

    private EngineCommands() {}

    /**
     * Does the desk's own part of a step, such as starting a delivery or releasing a clock, without
     * the authorizations of the user whose action caused it. Only the running command can do so.
     */
    public static <T> T withoutAuthorization(Supplier<T> work) {
        return Context.getCommandContext().runWithoutAuthorization(work::get);
    }

    /**
     * Who is signed in to the engine while the step runs, or {@code null}. The public
     * {@code IdentityService} answers with the engine's internal {@code Authentication} type.
     */
    public static String signedInUser(ProcessEngineServices engine) {
        var signedIn = engine.getIdentityService().getCurrentAuthentication();
        return signedIn == null ? null : signedIn.getUserId();
    }

    /**
     * The correlation reaches only processes already waiting for the message: a deployed model with
     * a start event of that message is never started by it, so a model cannot attach itself to a
     * ticket by its messages (docs/specification.md §8). The engine's builder has the option; its
     * public interface does not offer it in this version.
     */
    public static MessageCorrelationBuilder toWaitingProcessesOnly(MessageCorrelationBuilder correlation) {
        return ((MessageCorrelationBuilderImpl) correlation).executionsOnly();
    }
}

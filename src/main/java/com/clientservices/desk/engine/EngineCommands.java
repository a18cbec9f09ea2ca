package com.clientservices.desk.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.context.Context;

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
}

package com.clientservices.desk.ticket;

import com.clientservices.desk.engine.EngineCommands;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** What the desk hands to and reads from the engine about people's text and actions. */
final class ProcessText {

    // The engine keeps string variables up to 4,000 characters; longer texts stay in the desk's records.
    static final int VARIABLE_TEXT_MAX = 3_900;

    private ProcessText() {}

    /** The text as a process variable: whole if it fits, else its start and where the rest is. */
    static String forVariable(String text, String key) {
        if (text == null || text.length() <= VARIABLE_TEXT_MAX) {
            return text;
        }
        return text.substring(0, VARIABLE_TEXT_MAX) + "… (shortened; the full text is on ticket " + key + ")";
    }

    /** Who is signed in to the engine while a model step runs, e.g. the agent completing a task. */
    static String actor(DelegateExecution execution, String otherwise) {
        var signedIn = EngineCommands.signedInUser(execution.getProcessEngineServices());
        return signedIn == null ? otherwise : signedIn;
    }
}

package com.clientservices.desk.engine;

import java.util.Date;
import java.util.Map;

/**
 * Variables computed at the moment a task's form is read ({@code GET /task/{id}/form-variables},
 * which Tasklist calls to open a Camunda Form), added to those the engine holds. What an agent's
 * form shows of the ticket is read then from the desk's own records, so it is never a copy that
 * went stale and never a value a user could have written. Implemented by the features; the engine
 * edge calls them ({@link TaskFormAdditionsPlugin}).
 */
public interface TaskFormAdditions {

    /** The variables to add for this task, by name; the forms show them in text views (Markdown). */
    Map<String, String> forTask(OpenTask task);

    /**
     * The task whose form is being read, as the engine has it: its process's business key is the
     * ticket's key (docs/architecture.md, "A ticket is known by its business key").
     */
    record OpenTask(
            String id,
            String taskDefinitionKey,
            String processDefinitionKey,
            String businessKey,
            String assignee,
            Date created,
            Date due) {}
}

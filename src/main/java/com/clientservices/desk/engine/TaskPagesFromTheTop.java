package com.clientservices.desk.engine;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A page of a task list (a team's queue in Tasklist: the first 15 by priority and due date) is read from the top of
 * the list, not by checking every open task for the user and sorting them all.
 *
 * <p>With authorization checks on, the engine checks each open task of the query against the user's grants before it
 * sorts and cuts the page; PostgreSQL 15 cannot stop early, as the query asks for distinct rows. At 10,000 open tickets
 * in one team that was 10,000 checks for 15 rows: p50 197 ms for a team's queue (QueueBenchmark, README "Benchmarks").
 * Here the ids of the first tasks in the page's own order are read first, cheaply and without any check (of the tasks
 * offered to the query's candidate groups, when it asks for those alone), and the engine's query runs as it was asked,
 * limited to those tasks: the criteria, the user's authorizations and the sort are all the engine's. If the user may
 * see enough of them to fill the page, that is the page, because those tasks are the head of the whole list in its
 * order; if not, four times as many are read, up to {@link #LAST_BATCH}, unless so few were visible that even that many
 * would not fill it, and then the plain query runs. Afterwards the query is as its caller built it. Left alone: pages
 * longer than {@link #LONGEST_PAGE}, queries sorted by anything but the task's own columns (a variable, a definition),
 * queries with task ids of their own, and queries no authorization check applies to. The ids and the page are two
 * statements: a task that gets to the head of the list between them shows on the next read, as it would had it come a
 * moment later.
 *
 * <p>PostgreSQL only: H2 answers the plain query in p50 12 ms at 10,000 open, and the two statements took it to 22.
 */
@Component
class TaskPagesFromTheTop extends AbstractProcessEnginePlugin {

    static final int FIRST_BATCH = 64;
    static final int LAST_BATCH = 1024;
    static final int LONGEST_PAGE = 200;

    // A saved filter's JSON names its sort columns: only a plain column name goes into the desk's statement.
    private static final Pattern COLUMN = Pattern.compile("[A-Z][A-Z0-9_]*");

    // Found when the desk starts, so that an engine without the field stops the start, not every task command.
    private static final Field TASK_ID_IN = taskIdIn();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineSessions.replace(configuration, TaskManager.class, FromTheTop::new);
    }

    static class FromTheTop extends TaskManager {

        @Override
        public List<Task> findTasksByQueryCriteria(TaskQueryImpl query) {
            if (!EngineDatabase.postgres(Context.getProcessEngineConfiguration())) {
                return super.findTasksByQueryCriteria(query);
            }
            configureQuery(query); // as the engine's own does first: only then is it known whether a check applies
            var order = order(query);
            long wanted = (long) query.getFirstResult() + query.getMaxResults();
            if (order == null
                    || wanted > LONGEST_PAGE
                    || query.getTaskId() != null
                    || query.getTaskIdIn() != null
                    || !query.getAuthCheck().isAuthorizationCheckEnabled()) {
                return super.findTasksByQueryCriteria(query);
            }
            var groups = candidateGroups(query);
            var batch = Math.max(FIRST_BATCH, 4 * wanted);
            while (batch <= LAST_BATCH) {
                var top = top(order, groups, (int) batch);
                if (top.size() < batch) {
                    break; // fewer tasks to read from than that: the plain query checks no more than these
                }
                List<Task> page;
                query.taskIdIn(top.toArray(String[]::new));
                try {
                    page = super.findTasksByQueryCriteria(query);
                } finally {
                    forget(query);
                }
                if (page.size() == query.getMaxResults()) {
                    return page;
                }
                // A list this sparse at its head would not fill the page even from the largest batch ("My tasks",
                // a small team's queue): the plain query is then the cheaper way.
                var visible = page.isEmpty() ? 0 : query.getFirstResult() + page.size();
                if (visible * LAST_BATCH / batch < wanted) {
                    break;
                }
                batch *= 4;
            }
            return super.findTasksByQueryCriteria(query);
        }

        /** The query's order as the engine writes it, or null when it sorts by anything but the task's columns. */
        static String order(TaskQueryImpl query) {
            var properties = query.getOrderingProperties();
            if (properties.isEmpty()) {
                return "RES.ID_ asc"; // the engine's own default
            }
            var order = new ArrayList<String>();
            for (QueryOrderingProperty property : properties) {
                if (property.getRelation() != null
                        || !property.isContainedProperty()
                        || property.getQueryProperty().getFunction() != null
                        || !COLUMN.matcher(property.getQueryProperty().getName())
                                .matches()
                        || property.getDirection() == null) {
                    return null;
                }
                order.add("RES." + property.getQueryProperty().getName() + " "
                        + property.getDirection().getName());
            }
            return String.join(", ", order);
        }

        /**
         * The candidate groups a query asks for, when it asks for groups alone (a team's queue, "Emergencies
         * first"); otherwise none. Each of its tasks is then offered to at least one of them, and the head of the
         * tasks offered to them is the head to read: other teams' tasks may fill the head of all open tasks, as the
         * managers' breach tasks did after a thousand breaches at once, all due at the same opening hour with a
         * higher priority (README "Benchmarks").
         */
        static List<String> candidateGroups(TaskQueryImpl query) {
            // The engine's statement requires a candidate link to one of these groups; a candidate user or
            // a group pattern admits other links. Queries joined by "or" share that join and are left to the head
            // of all tasks: no filter of the desk's asks for one.
            if (query.getQueries().size() != 1
                    || query.getCandidateUser() != null
                    || query.getCandidateGroupLike() != null) {
                return List.of();
            }
            var groups = query.getCandidateGroups();
            // A null group, which the REST API lets through, matches no link.
            return groups == null
                    ? List.of()
                    : groups.stream().filter(Objects::nonNull).toList();
        }

        /**
         * The ids of the first tasks in that order, then by revision and id, among the tasks offered to those groups
         * if any are given: the head of every task list sorted so. (The engine's own order leaves tasks equal in
         * every sorted column in no defined order, on either path.)
         */
        private static List<String> top(String order, List<String> groups, int count) {
            var sql = new StringBuilder("select RES.ID_ from ")
                    .append(CommandStatements.table("ACT_RU_TASK"))
                    .append(" RES");
            if (!groups.isEmpty()) {
                sql.append(" where exists (select 1 from ")
                        .append(CommandStatements.table("ACT_RU_IDENTITYLINK"))
                        .append(" I where I.TASK_ID_ = RES.ID_ and I.TYPE_ = 'candidate' and I.GROUP_ID_ in (")
                        .append(String.join(", ", Collections.nCopies(groups.size(), "?")))
                        .append("))");
            }
            sql.append(" order by ")
                    .append(order)
                    .append(", RES.REV_ asc, RES.ID_ asc limit ")
                    .append(count);
            return CommandStatements.strings(sql.toString(), groups.toArray(String[]::new));
        }

        // The engine's setter refuses null, and an empty array would still be seen by the caller, by extend() and in a
        // filter's JSON; the field is restored as the caller left it, which was null.
        private static void forget(TaskQueryImpl query) {
            try {
                TASK_ID_IN.set(query, null);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Field taskIdIn() {
        try {
            var field = TaskQueryImpl.class.getDeclaredField("taskIdIn");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("the engine's task query has no task ids to restore", e);
        }
    }
}

package com.clientservices.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clientservices.desk.DeskTest;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The loser of a race for one task can fail anywhere inside the engine, depending on the instant
 * the winner commits; seen in a two-node cluster: a NullPointerException on the task's vanished
 * execution. These pin the translation down without depending on that instant.
 */
@DeskTest
class ReportTaskConflictsTest {

    @Autowired
    ProcessEngine engine;

    @Test
    void anEngineFailureOnATaskThatVanishedMeanwhileIsReportedAsTheTaskBeingGone() {
        var complete = new CompleteTaskCmd("task-completed-by-someone-else", Map.of());
        var failure = new NullPointerException(
                "Cannot invoke \"ExecutionEntity.removeTask(TaskEntity)\" because " + "\"execution\" is null");

        assertThatThrownBy(() -> translatorFailingWith(failure).execute(complete))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatus().getStatusCode()).isEqualTo(404);
                    assertThat(e.getMessage()).contains("someone else completed it");
                    assertThat(e.getCause()).isSameAs(failure);
                });
    }

    @Test
    void anEngineFailureOnATaskThatStillExistsIsNotDisguisedAsAConflict() {
        var task = engine.getTaskService().newTask();
        engine.getTaskService().saveTask(task);
        try {
            var failure = new NullPointerException("a fault of the desk's own");

            assertThatThrownBy(
                            () -> translatorFailingWith(failure).execute(new CompleteTaskCmd(task.getId(), Map.of())))
                    .isSameAs(failure);
        } finally {
            engine.getTaskService().deleteTask(task.getId(), true);
        }
    }

    /** The desk's translation in front of an engine that fails with the given exception. */
    private CommandInterceptor translatorFailingWith(RuntimeException failure) {
        var configuration = new StandaloneInMemProcessEngineConfiguration();
        // It looks the task up in the desk's own database, as it does in production.
        configuration.setCommandExecutorTxRequired(
                ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                        .getCommandExecutorTxRequired());
        new ReportTaskConflicts().preInit(configuration);
        var translate =
                configuration.getCustomPreCommandInterceptorsTxRequired().get(0);
        translate.setNext(new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                throw failure;
            }
        });
        return translate;
    }
}

package com.clientservices.desk.forms;

import com.clientservices.desk.engine.Causes;
import com.clientservices.desk.engine.CommandInterceptors;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine wraps whatever a task listener throws into a generic engine error, which its REST
 * API and Tasklist answer with 500. A broken form rule is the caller's mistake, so this hands the
 * {@link FormRuleViolation} itself to the caller (400 with its message), after the transaction has
 * rolled back and the task has stayed open.
 */
@Component
class ReportFormRuleViolations extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandInterceptors.append(configuration, new Unwrap());
    }

    private static final class Unwrap extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (RuntimeException e) {
                var violation = Causes.first(e, FormRuleViolation.class);
                if (violation.isPresent()) {
                    throw violation.get();
                }
                throw e;
            }
        }
    }
}

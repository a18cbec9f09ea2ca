package com.clientservices.desk.ticket;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.ApplicationContextElResolver;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * In the models' expressions the desk's beans ({@code slaClock}, {@code ticketStatus}, …) come
 * before process variables. By default a variable of the same name wins, and agents may set
 * variables on their tasks: one named {@code slaClock} would have silenced a ticket's SLA timers.
 */
@Component
class BeansBeforeVariables extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;

    BeansBeforeVariables(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setExpressionManager(new SpringExpressionManager(context) {
            @Override
            protected ELResolver createElResolver() {
                var resolver = new CompositeELResolver();
                resolver.add(new ApplicationContextElResolver(context));
                resolver.add(super.createElResolver());
                return resolver;
            }
        });
    }
}

package com.clientservices.desk.deployment;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.juel.FeelEngineFactoryImpl;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * How the engine evaluates the models' expressions, decisions' JUEL cells and Tasklist filters:
 * with the desk's {@link Vocabulary} only, instead of every Spring bean and any method of any
 * object. The desk's beans come before process variables: by default a variable of the same name
 * wins, and agents may set variables on their tasks, so one named {@code slaClock} would have
 * silenced a ticket's SLA timers. Scripts do not run at all. Decisions' FEEL cells are evaluated
 * by the engine's FEEL engine, which remembers what a literal cell gives ({@link LiteralCellResults}).
 */
@Component
class RestrictedExpressions extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;

    RestrictedExpressions(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setExpressionManager(new JuelExpressionManager() {
            @Override
            protected ELResolver createElResolver() {
                var resolver = new CompositeELResolver();
                resolver.add(VocabularyElResolver.beansByName(context));
                resolver.add(new VariableScopeElResolver());
                resolver.add(new VariableContextElResolver());
                resolver.add(new ArrayELResolver(true));
                resolver.add(new ListELResolver(true));
                resolver.add(new MapELResolver(true));
                resolver.add(new VocabularyElResolver(context));
                return resolver;
            }
        });
        configuration.setScriptEngineResolver(new NoScripts());
        var dmn = configuration.getDmnEngineConfiguration();
        if (dmn == null) {
            dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
            configuration.setDmnEngineConfiguration(dmn);
        }
        // Created when the engine builds its DMN engine, with the FEEL settings the engine gave it by then.
        var decisions = dmn;
        dmn.setFeelEngineFactory(() -> new LiteralCellResults(
                decisions.isEnableFeelLegacyBehavior()
                        ? new FeelEngineFactoryImpl().createInstance()
                        : new ScalaFeelEngineFactory(decisions.getFeelCustomFunctionProviders()).createInstance()));
    }
}

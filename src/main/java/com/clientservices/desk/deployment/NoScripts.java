package com.clientservices.desk.deployment;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;

/**
 * The engine without script engines. It brings one of its own (JUEL as a script language, which
 * evaluates outside the desk's vocabulary), so a script in a model stored before the deployment
 * check, or a decision cell in a script language, fails instead of running.
 */
final class NoScripts implements ScriptEngineResolver {

    @Override
    public void addScriptEngineFactory(ScriptEngineFactory factory) {
        throw refused(factory.getLanguageName());
    }

    @Override
    public ScriptEngineManager getScriptEngineManager() {
        throw refused("any language");
    }

    @Override
    public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
        throw refused(language);
    }

    private static ProcessEngineException refused(String language) {
        return new ProcessEngineException("No script runs on the desk's server (" + language + "): scripts are not "
                + "part of the vocabulary of its models (docs/specification.md §8)");
    }
}

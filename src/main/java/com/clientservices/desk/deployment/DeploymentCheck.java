package com.clientservices.desk.deployment;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.stereotype.Component;

/**
 * Puts the deployment check into the engine: BPMN is checked by the parse itself, decisions,
 * forms and other files by a deployer that runs before the engine's own. Every way in goes through
 * both: the REST API and Modeler, a redeployment, the desk's own models at start-up, and the
 * engine reading a model back from the database.
 */
@Component
class DeploymentCheck extends AbstractProcessEnginePlugin {

    private final ObjectMapper json;

    DeploymentCheck(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setBpmnParseFactory(CheckedBpmnParse::new);
        var deployers = new ArrayList<Deployer>();
        deployers.add(new ResourceCheck(new FormCheck(json)));
        if (configuration.getCustomPreDeployers() != null) {
            deployers.addAll(configuration.getCustomPreDeployers());
        }
        configuration.setCustomPreDeployers(deployers);
    }
}

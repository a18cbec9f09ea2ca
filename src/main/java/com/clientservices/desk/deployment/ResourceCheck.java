package com.clientservices.desk.deployment;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.parsers.SAXParserFactory;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.dmn.deployer.DecisionDefinitionDeployer;
import org.camunda.bpm.engine.impl.form.deployer.CamundaFormDefinitionDeployer;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Parse;
import org.camunda.bpm.engine.impl.util.xml.Parser;
import org.camunda.bpm.engine.impl.xml.ProblemImpl;

/**
 * Runs before the engine's own deployers, in the same transaction: a deployment carries BPMN
 * (checked by {@link CheckedBpmnParse}), DMN and Camunda Forms only, and a decision or form that
 * reaches outside the vocabulary fails the whole deployment with the engine's ParseException
 * (400 from its REST API, naming the resource and each element), so nothing of it is stored.
 */
final class ResourceCheck implements Deployer {

    // A namespace-aware reader of its own: the engine's parsers share one factory per thread and switch it.
    private static final Parser XML = new Parser() {
        @Override
        public Parse createParse() {
            return new Parse(this) {};
        }

        @Override
        protected SAXParserFactory getSaxParserFactoryLazily() {
            var factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory;
        }
    };

    private final FormCheck forms;

    ResourceCheck(FormCheck forms) {
        this.forms = forms;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        for (var resource : deployment.getResources().values()) {
            var name = resource.getName();
            List<Problem> problems;
            if (isA(name, BpmnDeployer.BPMN_RESOURCE_SUFFIXES)) {
                continue;
            } else if (isA(name, DecisionDefinitionDeployer.DMN_RESOURCE_SUFFIXES)) {
                problems = decisionProblems(name, resource.getBytes());
            } else if (isA(name, CamundaFormDefinitionDeployer.FORM_RESOURCE_SUFFIXES)) {
                problems = forms.problems(resource.getBytes());
            } else if (deployment.isNew()) {
                problems = List.of(new ProblemImpl(
                        name + " is not a BPMN model, a DMN decision or a Camunda Form, "
                                + "the only things a deployment of the desk carries",
                        null));
            } else {
                continue; // stored before this check; inert unless a model refers to it, and models are checked
            }
            if (!problems.isEmpty()) {
                throw new ParseException(
                        "The deployment is refused: " + name + " does what the desk's models may not "
                                + "(docs/specification.md §8):"
                                + problems.stream()
                                        .map(p -> "\n* " + p.getMessage())
                                        .collect(Collectors.joining()),
                        name,
                        problems,
                        List.of());
            }
        }
    }

    // As the engine's deployers tell their resources: by how the name ends.
    private static boolean isA(String name, String[] suffixes) {
        return Arrays.stream(suffixes).anyMatch(name::endsWith);
    }

    private static List<Problem> decisionProblems(String name, byte[] bytes) {
        Element root;
        try {
            root = XML.createParse()
                    .name(name)
                    .sourceInputStream(new ByteArrayInputStream(bytes))
                    .execute()
                    .getRootElement();
        } catch (ProcessEngineException e) {
            return List.of(new ProblemImpl("the decision is not well-formed XML: " + e.getMessage(), null));
        }
        return root == null
                ? List.of(new ProblemImpl("the decision is empty", null))
                : new ArrayList<>(DmnCheck.check(root).problems());
    }
}

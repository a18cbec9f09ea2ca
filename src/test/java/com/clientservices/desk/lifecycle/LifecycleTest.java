package com.clientservices.desk.lifecycle;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** What the lifecycle model tests share: the scenario driver, camunda-bpm-assert on this engine, a clock put back. */
abstract class LifecycleTest {

    @Autowired
    Scenario scenario;

    @Autowired
    ProcessEngine engine;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @BeforeEach
    void useThisEngineForAssertions() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }
}

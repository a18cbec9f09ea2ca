package com.clientservices.desk;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/**
 * A test against the whole desk on a real port, with the demo users and an in-memory database.
 * Every test class shares this one application context, so the suite starts the desk once; process
 * test coverage is recorded for every class. A test class gets its client for the port with
 * {@code @Autowired DeskHttpClient http;} (see {@link DeskHttp}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// The Prometheus endpoint is part of what the desk offers, so tests keep metrics export on.
@AutoConfigureObservability(tracing = false)
@Import({ProcessEngineCoverageConfiguration.class, ModelCoverage.class, DeskHttp.class})
@TestExecutionListeners(
        listeners = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface DeskTest {}

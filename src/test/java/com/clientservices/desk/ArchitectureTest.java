package com.clientservices.desk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The package rules of docs/architecture.md, checked on the compiled classes: feature packages
 * depend one way, and the engine's internals are reached only where a line below says why. A plain
 * unit test (no Spring context), so it runs first and fast in every build.
 */
class ArchitectureTest {

    private static final String DESK = "com.clientservices.desk";
    private static final String ENGINE_INTERNALS = "org.camunda.bpm.engine.impl..";
    private static final String ENGINE_CLOCK = "org.camunda.bpm.engine.impl.util.ClockUtil";
    private static final String DESK_CLOCK = DESK + ".engine.DeskClock";

    /**
     * Every desk class that uses {@code org.camunda.bpm.engine.impl}, with why the public API does
     * not do. A new entry is a decision to write down in docs/architecture.md as well.
     */
    private static final Map<String, String> ENGINE_INTERNAL_USERS = Map.ofEntries(
            entry("deployment.BpmnCheck", "reads the model as the engine's XML elements during its BPMN parse"),
            entry("deployment.CheckedBpmnParse", "is the engine's BPMN parse, checking before anything is built"),
            entry(
                    "deployment.DeploymentCheck",
                    "engine plugin: installs the checked parse and a deployer before the engine's"),
            entry("deployment.DmnCheck", "reads decisions as the engine's XML elements"),
            entry("deployment.Findings", "reports each element as the engine's parse problem, so the refusal names it"),
            entry("deployment.FormCheck", "reports form findings as the engine's parse problems"),
            entry("deployment.NoScripts", "the engine's script engine resolver, so no script runs"),
            entry(
                    "deployment.ResourceCheck",
                    "an engine deployer that parses and refuses DMN and forms in its transaction"),
            entry(
                    "deployment.RestrictedExpressions",
                    "engine plugin: the expression manager with the desk's vocabulary only"),
            entry(
                    "engine.DeferredJobs",
                    "engine plugin: a job handler of the desk's own, and its jobs written in the step's transaction"),
            entry("engine.CommandFields", "reads the engine's command objects, which have no getters"),
            entry(
                    "engine.CustomPlansForQueries",
                    "engine plugin: a command interceptor that knows the engine's query and filter commands "
                            + "and sets PostgreSQL's plan mode on the command's connection"),
            entry(
                    "engine.TaskQueriesByBusinessKey",
                    "engine plugin: a command interceptor that gives a task query by business key the ids of "
                            + "that key's executions, read on the command's connection"),
            entry(
                    "engine.TaskPagesFromTheTop",
                    "engine plugin: the engine's task manager, whose page of a task query first reads the ids "
                            + "heading the list in its order, on the command's connection"),
            entry(
                    "engine.AuthorizedGroupsOfTheUser",
                    "engine plugin: the engine's authorization manager, which finds the user's granted groups by "
                            + "probing each on the command's connection"),
            entry(
                    "engine.EngineSessions",
                    "puts a manager of the desk's own in place of the engine's, through a custom session factory"),
            entry("engine.CommandStatements", "runs a statement of the desk's own on the engine command's connection"),
            entry(
                    "engine.EngineDatabase",
                    "the database type the engine determined at start, which only its configuration says"),
            entry(
                    "engine.CommandInterceptors",
                    "adds the desk's command interceptors to the engine's one list of them"),
            entry("engine.DeskClock", "the engine's clock (ClockUtil), which tests move; the desk's one source of now"),
            entry(
                    "engine.EngineCommands",
                    "a step's own work without the caller's authorizations (delivery, SLA clocks); "
                            + "who is signed in, which the public API answers with an internal type; "
                            + "a message correlation that starts no process, an option of the engine's builder only"),
            entry(
                    "engine.TaskFormAdditionsPlugin",
                    "engine plugin: adds to the answer of the form-variables command, the one "
                            + "Tasklist reads a form's values with, and finds the task in that command's context"),
            entry(
                    "forms.FormRuleViolation",
                    "is the engine's form validation exception, which its REST API answers with 400"),
            entry(
                    "forms.ReportFormRuleViolations",
                    "engine plugin: a command interceptor that hands the violation to the caller"),
            entry("forms.RequireFormFields", "the engine's FEEL configuration from the command context"),
            entry("forms.TaskForms", "the deployed form from the command context and the execution's deployment"),
            entry(
                    "identity.EngineAccessPolicy",
                    "engine plugin: a command interceptor that knows which engine command is asked"),
            entry(
                    "ticket.ReportTaskConflicts",
                    "engine plugin: a command interceptor that recognises claim and complete"));

    /** What the web layer answers with; features refuse with {@code refusal}'s exceptions instead. */
    private static final Set<String> ANSWERS =
            Set.of("Problems", "PageRefusals", "PageForbidden", "PageNotFound", "ApiPaths");

    private static final DescribedPredicate<JavaClass> WEB_FACING =
            DescribedPredicate.describe("are controllers or configuration, or written inside one", c -> {
                for (var k = Optional.of(c); k.isPresent(); k = k.get().getEnclosingClass()) {
                    if (k.get().isAnnotatedWith(Controller.class)
                            || k.get().isAnnotatedWith(RestController.class)
                            || k.get().isAnnotatedWith(Configuration.class)) {
                        return true;
                    }
                }
                return false;
            });

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(DESK);

    @Test
    void featurePackagesDependOneWay() {
        slices().matching(DESK + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void refusalsDependOnNoOtherDeskPackage() {
        noClasses()
                .that()
                .resideInAPackage(DESK + ".refusal..")
                .should()
                .dependOnClassesThat(DescribedPredicate.describe(
                        "are in another desk package",
                        c -> c.getPackageName().startsWith(DESK + ".")
                                && !c.getPackageName().startsWith(DESK + ".refusal")))
                .because("every feature may refuse, so the refusals sit below them all")
                .check(MAIN);
    }

    @Test
    void onlyTheWebEdgeAnswersInHttp() {
        noClasses()
                .that()
                .resideOutsideOfPackage(DESK + ".web..")
                .and(DescribedPredicate.not(WEB_FACING))
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework.http..")
                .orShould()
                .dependOnClassesThat(DescribedPredicate.describe(
                        "are the web layer's answers",
                        c -> c.getPackageName().equals(DESK + ".web") && ANSWERS.contains(c.getSimpleName())))
                .because("features refuse in their own words (package refusal); controllers and the web layer "
                        + "decide what that is in HTTP")
                .check(MAIN);
    }

    @Test
    void engineInternalsOnlyWhereListed() {
        noClasses()
                .that(DescribedPredicate.not(listed(reason -> true)))
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ENGINE_INTERNALS)
                .because("each use of the engine's internals is listed with its reason")
                .check(MAIN);
    }

    @Test
    void onlyTheDeskClockReadsTheEngineClock() {
        noClasses()
                .that(DescribedPredicate.describe(
                        "are not the desk's clock", c -> !topLevel(c).equals(DESK_CLOCK)))
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName(ENGINE_CLOCK)
                .because("the desk has one now, engine.DeskClock, so that moving the engine's clock moves all of it")
                .check(MAIN);
    }

    @Test
    void everyListedClassStillUsesEngineInternals() {
        // A class that stopped needing the engine's internals leaves the list, so it stays a true account.
        assertThat(ENGINE_INTERNAL_USERS.keySet())
                .allSatisfy(name -> assertThat(MAIN.stream()
                                .filter(c -> topLevel(c).equals(DESK + "." + name))
                                .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                                .anyMatch(d ->
                                        d.getTargetClass().getPackageName().startsWith("org.camunda.bpm.engine.impl")))
                        .as(name + " uses org.camunda.bpm.engine.impl")
                        .isTrue());
    }

    @Test
    void mainCodeDoesNotDependOnTestCode() {
        var all = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(DESK);
        var testCode = DescribedPredicate.describe("are test code", (JavaClass c) -> !isMain(c));
        noClasses()
                .that(DescribedPredicate.describe("are main code", ArchitectureTest::isMain))
                .should()
                .dependOnClassesThat(testCode)
                .check(all);
    }

    private static DescribedPredicate<JavaClass> listed(Predicate<String> reason) {
        return DescribedPredicate.describe("are listed", c -> {
            var name = topLevel(c);
            return name.startsWith(DESK + ".")
                    && ENGINE_INTERNAL_USERS.entrySet().stream()
                            .anyMatch(e -> name.equals(DESK + "." + e.getKey()) && reason.test(e.getValue()));
        });
    }

    // Nested classes and lambdas belong to the class they are written in.
    private static String topLevel(JavaClass c) {
        var name = c.getName();
        var nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    private static boolean isMain(JavaClass c) {
        return c.getSource()
                .map(s -> ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(Location.of(s.getUri())))
                .orElse(true);
    }
}

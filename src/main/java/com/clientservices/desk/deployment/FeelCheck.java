package com.clientservices.desk.deployment;

import camundajar.impl.scala.Product;
import camundajar.impl.scala.collection.IterableOnce;
import java.util.Optional;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.JavaFunctionInvocation;

/**
 * Reads a FEEL expression (a decision table cell, a form's condition) with the engine's own FEEL
 * parser and walks the tree for an external function, FEEL's way of calling a Java method. The
 * engine refuses those when it evaluates, but a model that carries one is refused already here,
 * like any other way into Java.
 */
final class FeelCheck {

    private static final FeelEngineApi FEEL =
            FeelEngineBuilder.forJava().withEnabledExternalFunctions(false).build();

    private FeelCheck() {}

    /** Why the expression is refused, or empty. */
    static Optional<String> expressionProblem(String expression) {
        return problem(expression, FEEL.parseExpression(expression));
    }

    /** Why the unary tests of a decision table's input cell are refused, or empty. */
    static Optional<String> unaryTestsProblem(String tests) {
        return problem(tests, FEEL.parseUnaryTests(tests));
    }

    private static Optional<String> problem(String text, ParseResult parsed) {
        if (parsed.isFailure()) {
            return Optional.of(ExpressionCheck.quote(text) + " is not FEEL the engine can read: "
                    + parsed.failure().message());
        }
        return javaCall(parsed.parsedExpression().expression())
                .map(call -> ExpressionCheck.quote(text) + " defines a FEEL external function calling the Java method "
                        + call.className() + "." + call.methodName() + "; the models call no Java code");
    }

    // The tree is made of Scala case classes, options and lists: walk their elements.
    private static Optional<JavaFunctionInvocation> javaCall(Object node) {
        if (node instanceof JavaFunctionInvocation call) {
            return Optional.of(call);
        }
        if (node instanceof Product product) {
            for (int i = 0; i < product.productArity(); i++) {
                var found = javaCall(product.productElement(i));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        if (node instanceof IterableOnce<?> elements && !(node instanceof Product)) {
            for (var each = elements.iterator(); each.hasNext(); ) {
                var found = javaCall(each.next());
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}

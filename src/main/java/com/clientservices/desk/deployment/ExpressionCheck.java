package com.clientservices.desk.deployment;

import com.clientservices.desk.deployment.Vocabulary.EngineObject;
import java.util.Optional;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstLiteral;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNode;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Parser;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * Reads a text the engine would evaluate as an expression ({@code ${…}} or {@code #{…}}, or plain
 * text) with the engine's own expression parser, and walks the tree: the desk's beans and the
 * methods of {@link Vocabulary}, the engine objects it lists, process variables, literals and
 * operators pass; anything else is the reason the text is refused.
 */
final class ExpressionCheck {

    // The engine's expression factory parses with these features (its JEE6 profile).
    private static final Builder PARSER = new NamedPropertyBuilder();

    private ExpressionCheck() {}

    /** Why the text reaches outside the vocabulary, or empty when it does not. */
    static Optional<String> problem(String text) {
        try {
            Walk.walk((AstNode) PARSER.build(text).getRoot());
            return Optional.empty();
        } catch (TreeBuilderException e) {
            return Optional.of(quote(text) + " is not an expression the engine can read: " + e.getMessage());
        } catch (Outside e) {
            return Optional.of(quote(text) + " " + e.getMessage());
        }
    }

    /** Why the text is not one of the desk's beans named whole, as a delegate expression must be. */
    static Optional<String> delegateProblem(String text) {
        try {
            var root = (AstNode) PARSER.build(text).getRoot();
            var eval = root instanceof AstEval ? root.getChild(0) : null;
            if (eval instanceof AstIdentifier identifier && Vocabulary.isBean(identifier.getName())) {
                return Optional.empty();
            }
        } catch (TreeBuilderException e) {
            // refused below like any other text that names no delegate
        }
        return Optional.of(quote(text) + " does not name one of the desk's delegates " + Vocabulary.beans());
    }

    static String quote(String text) {
        var shown = text.strip();
        return "\"" + (shown.length() > 120 ? shown.substring(0, 117) + "..." : shown) + "\"";
    }

    /** What a part of an expression stands for, as far as the vocabulary is concerned. */
    private sealed interface Meaning {}

    /** A literal, a process variable, or what a call gave: usable in operators, but nothing may be called on it. */
    private record Value() implements Meaning {}

    private record Bean(String name) implements Meaning {}

    private record Engine(EngineObject object) implements Meaning {}

    private static final class Outside extends RuntimeException {

        Outside(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final class Walk {

        static Meaning walk(AstNode node) {
            if (node instanceof AstText || node instanceof AstLiteral) {
                return new Value();
            }
            if (node instanceof AstEval || node instanceof AstNested) {
                return walk(child(node, 0));
            }
            if (node instanceof AstComposite
                    || node instanceof AstParameters
                    || node instanceof AstBinary
                    || node instanceof AstUnary
                    || node instanceof AstChoice) {
                for (int i = 0; i < node.getCardinality(); i++) {
                    walk(child(node, i));
                }
                return new Value();
            }
            if (node instanceof AstIdentifier identifier) {
                return identifier(identifier.getName());
            }
            if (node instanceof AstMethod method) {
                return call(method);
            }
            if (node instanceof AstProperty property) {
                return read(property);
            }
            if (node instanceof AstFunction function) {
                throw new Outside("calls the function " + function.getName() + "(); the models call no functions");
            }
            throw new Outside("uses " + node.getClass().getSimpleName() + ", which the desk's models do not");
        }

        private static Meaning identifier(String name) {
            if (Vocabulary.isBean(name)) {
                return new Bean(name);
            }
            return EngineObject.named(name).<Meaning>map(Engine::new).orElse(new Value());
        }

        private static Meaning call(AstMethod method) {
            var target = (AstProperty) method.getChild(0);
            var name = memberName(target);
            var on = walk(target.getChild(0));
            walk(child(method, 1));
            if (on instanceof Bean bean) {
                if (name != null && Vocabulary.methods(bean.name()).contains(name)) {
                    return new Value();
                }
                throw new Outside("calls " + bean.name() + "." + (name == null ? "…" : name)
                        + "(), which is not one of " + "the methods the models may call on " + bean.name() + " "
                        + Vocabulary.methods(bean.name()));
            }
            if (on instanceof Engine engine
                    && name != null
                    && engine.object().methods().containsKey(name)) {
                return engine.object()
                        .methods()
                        .get(name)
                        .<Meaning>map(Engine::new)
                        .orElse(new Value());
            }
            throw new Outside("calls " + (name == null ? "a computed method" : name + "()") + " on "
                    + describe(target.getChild(0)) + ", which is not in the desk's vocabulary: the models call only "
                    + "the desk's beans " + Vocabulary.beans() + " and " + Vocabulary.engineMembers());
        }

        private static Meaning read(AstProperty property) {
            var name = memberName(property);
            var on = walk(property.getChild(0));
            if (on instanceof Engine engine
                    && name != null
                    && engine.object().properties().containsKey(name)) {
                return engine.object()
                        .properties()
                        .get(name)
                        .<Meaning>map(Engine::new)
                        .orElse(new Value());
            }
            throw new Outside("reads the property " + (name == null ? "[…]" : "'" + name + "'") + " of "
                    + describe(property.getChild(0)) + ", which is not in the desk's vocabulary "
                    + Vocabulary.engineMembers());
        }

        /** The member a.b or a['b'] names; null when it is computed. */
        private static String memberName(AstProperty property) {
            if (property instanceof NamedPropertyBuilder.Dot dot) {
                return dot.name();
            }
            if (property instanceof AstBracket && property.getChild(1) instanceof AstString literal) {
                return (String) literal.eval(null, null);
            }
            if (property instanceof AstBracket) {
                walk(property.getChild(1));
            }
            return null;
        }

        private static String describe(AstNode node) {
            return node instanceof AstIdentifier identifier ? identifier.getName() : node.getStructuralId(null);
        }

        private static AstNode child(AstNode node, int i) {
            return (AstNode) node.getChild(i);
        }
    }

    /** The engine's parser, which keeps the name of a.b where the walk can read it. */
    private static final class NamedPropertyBuilder extends Builder {

        NamedPropertyBuilder() {
            super(Feature.METHOD_INVOCATIONS, Feature.VARARGS);
        }

        @Override
        protected Parser createParser(String expression) {
            return new Parser(this, expression) {
                @Override
                protected AstDot createAstDot(AstNode base, String property, boolean lvalue) {
                    return new Dot(base, property, lvalue);
                }
            };
        }

        static final class Dot extends AstDot {

            Dot(AstNode base, String property, boolean lvalue) {
                super(base, property, lvalue);
            }

            String name() {
                return property;
            }
        }
    }
}

package com.clientservices.desk.deployment;

import java.util.Set;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/** The expression languages a model may name: FEEL and JUEL, which the check can read. Any other name is a script. */
final class Languages {

    // The names the DMN engine takes for FEEL (ExpressionEvaluationHandler#isFeelExpressionLanguage).
    private static final Set<String> FEEL = Set.of(
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15);

    private Languages() {}

    static boolean isFeel(String language) {
        return FEEL.contains(language)
                || DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE.equalsIgnoreCase(language);
    }

    static boolean isJuel(String language) {
        return DefaultDmnEngineConfiguration.JUEL_EXPRESSION_LANGUAGE.equalsIgnoreCase(language);
    }

    static boolean isFeelOrJuel(String language) {
        return isFeel(language) || isJuel(language);
    }
}

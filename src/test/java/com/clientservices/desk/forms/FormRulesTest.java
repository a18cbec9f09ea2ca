package com.clientservices.desk.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A form's rules apply to the fields it shows: a hidden field asks nothing, a shown one is checked,
 * and a field's condition is asked only when the field breaks a rule, so a task completed as its
 * form asks costs next to no FEEL evaluation.
 */
class FormRulesTest {

    private static final String FORM = """
            {"components": [
              {"key": "outcome", "label": "Outcome", "validate": {"required": true},
               "values": [{"value": "RESOLVED"}, {"value": "REROUTE"}]},
              {"key": "summary", "label": "Resolution summary", "validate": {"required": true, "maxLength": 10},
               "conditional": {"hide": "=outcome != \\"RESOLVED\\""}},
              {"key": "team", "label": "New team", "validate": {"required": true},
               "conditional": {"hide": "=outcome != \\"REROUTE\\""}},
              {"key": "shown", "label": "Shown", "readonly": true, "validate": {"required": true}}
            ]}""";

    private final List<String> asked = new ArrayList<>();

    @Test
    void aTaskCompletedAsItsFormAsksAsksOnlyAboutTheEmptyFieldItHides() throws Exception {
        var problems = problems(Map.of("outcome", "RESOLVED", "summary", "Flushed"), hideUnless("RESOLVED"));

        assertThat(problems).isEmpty();
        assertThat(asked).as("conditions evaluated").containsExactly("=outcome != \"REROUTE\"");
    }

    @Test
    void aHiddenFieldAsksNothingAndAShownOneIsChecked() throws Exception {
        var problems = problems(Map.of("outcome", "REROUTE"), hideUnless("REROUTE"));

        assertThat(problems).containsExactly("team: New team is required");
        assertThat(asked).containsExactlyInAnyOrder("=outcome != \"RESOLVED\"", "=outcome != \"REROUTE\"");
    }

    @Test
    void aShownFieldKeepsEveryProblemItHas() throws Exception {
        var problems = problems(Map.of("outcome", "CLOSED", "summary", "Far too long a summary"), hide -> false);

        assertThat(problems)
                .containsExactly(
                        "outcome: CLOSED is not one of the choices of Outcome",
                        "summary: Resolution summary has 22 characters; at most 10",
                        "team: New team is required");
    }

    private List<String> problems(Map<String, Object> values, Predicate<String> hidden) throws Exception {
        return FormRules.problems(new ObjectMapper().readTree(FORM), new HashMap<>(values), hidden);
    }

    /** Every condition hides its field unless it names the outcome chosen; each question is noted. */
    private Predicate<String> hideUnless(String outcome) {
        return hide -> {
            asked.add(hide);
            return !hide.contains("\"" + outcome + "\"");
        };
    }
}

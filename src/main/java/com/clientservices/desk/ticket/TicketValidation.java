package com.clientservices.desk.ticket;

import com.clientservices.desk.refusal.FieldProblem;
import com.clientservices.desk.refusal.Invalid;
import com.clientservices.desk.routing.RequestTypeCatalogue;
import com.clientservices.desk.web.PlainText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** The rules of docs/specification.md §4 for a new request; every broken rule is reported, each naming its field. */
@Component
class TicketValidation {

    static final int SUBJECT_MAX = 200;
    static final int TEXT_MAX = 20_000;
    static final int OBJECT_IDS_MAX = 50;
    static final int SHORT_TEXT_MAX = 200;
    static final int ENVIRONMENT_ENTRIES_MAX = 50;
    // What the ticket table holds (V1): the phone as typed, and the lists as JSON.
    static final int PHONE_MAX = 40;
    static final int OBJECT_IDS_STORED_MAX = 4_000;
    static final int ENVIRONMENT_STORED_MAX = 8_000;

    // PostgreSQL cannot store U+0000 in text, and no one types it: refused like any other bad value.
    static final String NUL_MESSAGE = "contains a NUL character (U+0000)";

    private static final Pattern PHONE_CHARACTERS = Pattern.compile("\\+?[0-9 ().\\-]+");

    private final RequestTypeCatalogue requestTypes;
    private final ObjectMapper json;

    TicketValidation(RequestTypeCatalogue requestTypes, ObjectMapper json) {
        this.requestTypes = requestTypes;
        this.json = json;
    }

    static final int JUSTIFICATION_MAX = 5_000;

    void check(NewTicket t, boolean memberKnown) {
        var problems = new ArrayList<FieldProblem>();
        if (t.memberId() == null) {
            problems.add(new FieldProblem("memberId", "is required"));
        } else if (!memberKnown) {
            problems.add(new FieldProblem("memberId", "is not a known member: " + t.memberId()));
        }
        var type = blank(t.requestType())
                ? null
                : requestTypes.find(t.requestType()).orElse(null);
        if (blank(t.requestType())) {
            problems.add(new FieldProblem("requestType", "is required"));
        } else if (type == null) {
            problems.add(new FieldProblem(
                    "requestType",
                    "is not a known request type (codes are upper case, see GET /api/request-types): "
                            + t.requestType()));
        }
        required(problems, "subject", t.subject(), SUBJECT_MAX);
        oneLine(problems, "subject", t.subject());
        required(problems, "description", t.description(), TEXT_MAX);
        required(problems, "impact", t.impact(), TEXT_MAX);
        optional(problems, "stepsToReproduce", t.stepsToReproduce(), TEXT_MAX);
        optional(problems, "browser", t.browser(), SHORT_TEXT_MAX);
        optional(problems, "operatingSystem", t.operatingSystem(), SHORT_TEXT_MAX);
        // The routing table says which request types need a business justification (docs/specification.md §5).
        if (type != null && type.justificationRequired()) {
            required(problems, "businessJustification", t.businessJustification(), JUSTIFICATION_MAX);
        } else {
            optional(problems, "businessJustification", t.businessJustification(), JUSTIFICATION_MAX);
        }
        checkEmergency(problems, t);
        checkObjectIds(problems, t.objectIds());
        checkEnvironment(problems, t.environment());
        checkStoredSize(problems, "objectIds", t.objectIds(), OBJECT_IDS_STORED_MAX);
        checkStoredSize(problems, "environment", t.environment(), ENVIRONMENT_STORED_MAX);
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
    }

    private static void checkEmergency(List<FieldProblem> problems, NewTicket t) {
        if (t.emergencyPhone() != null) {
            var digits = t.emergencyPhone().chars().filter(Character::isDigit).count();
            if (!PHONE_CHARACTERS.matcher(t.emergencyPhone()).matches()
                    || digits < 7
                    || digits > 20
                    || t.emergencyPhone().length() > PHONE_MAX) {
                problems.add(new FieldProblem(
                        "emergencyPhone",
                        "is not a phone number (7 to 20 digits; +, spaces, dashes, "
                                + "dots and parentheses allowed; at most " + PHONE_MAX + " characters)"));
            }
        } else if (t.isEmergency()) {
            problems.add(new FieldProblem("emergencyPhone", "is required for an emergency"));
        }
        var criteria = t.emergencyCriteria();
        if (criteria == null || criteria.isEmpty()) {
            if (t.isEmergency()) {
                problems.add(new FieldProblem(
                        "emergencyCriteria",
                        "is required for an emergency: one or more of " + List.of(EmergencyCriterion.values())));
            }
            return;
        }
        var seen = new HashSet<String>();
        for (var criterion : criteria) {
            if (!isCriterion(criterion)) {
                problems.add(new FieldProblem(
                        "emergencyCriteria",
                        "has an unknown criterion: " + criterion + "; allowed: "
                                + List.of(EmergencyCriterion.values())));
            } else if (!seen.add(criterion)) {
                problems.add(new FieldProblem("emergencyCriteria", "names " + criterion + " twice"));
            }
        }
    }

    private static boolean isCriterion(String value) {
        for (var criterion : EmergencyCriterion.values()) {
            if (criterion.name().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static void checkObjectIds(List<FieldProblem> problems, List<String> objectIds) {
        if (objectIds == null) {
            return;
        }
        if (objectIds.size() > OBJECT_IDS_MAX) {
            problems.add(
                    new FieldProblem("objectIds", "has " + objectIds.size() + " entries; at most " + OBJECT_IDS_MAX));
        }
        if (objectIds.stream().anyMatch(id -> blank(id) || id.length() > SHORT_TEXT_MAX)) {
            problems.add(new FieldProblem(
                    "objectIds", "entries must be non-empty and at most " + SHORT_TEXT_MAX + " characters"));
        } else if (objectIds.stream().anyMatch(TicketValidation::hasNul)) {
            problems.add(new FieldProblem("objectIds", NUL_MESSAGE));
        }
    }

    private static void checkEnvironment(List<FieldProblem> problems, Map<String, String> environment) {
        if (environment == null) {
            return;
        }
        if (environment.size() > ENVIRONMENT_ENTRIES_MAX) {
            problems.add(new FieldProblem(
                    "environment", "has " + environment.size() + " entries; at most " + ENVIRONMENT_ENTRIES_MAX));
        }
        for (var entry : environment.entrySet()) {
            if (blank(entry.getKey())
                    || entry.getKey().length() > SHORT_TEXT_MAX
                    || entry.getValue() == null
                    || entry.getValue().length() > SHORT_TEXT_MAX) {
                problems.add(new FieldProblem(
                        "environment",
                        "keys and values must be non-empty text of at most " + SHORT_TEXT_MAX + " characters"));
                return;
            }
            if (hasNul(entry.getKey()) || hasNul(entry.getValue())) {
                problems.add(new FieldProblem("environment", NUL_MESSAGE));
                return;
            }
        }
    }

    /** Lists that pass every other rule must still fit where the ticket keeps them. */
    private void checkStoredSize(List<FieldProblem> problems, String field, Object value, int max) {
        if (value == null
                || problems.stream().anyMatch(problem -> problem.field().equals(field))) {
            return;
        }
        try {
            var stored = json.writeValueAsString(value).length();
            if (stored > max) {
                problems.add(new FieldProblem(
                        field, "is too long all together: " + stored + " characters as stored; at most " + max));
            }
        } catch (JsonProcessingException e) {
            problems.add(new FieldProblem(field, "cannot be stored: " + e.getOriginalMessage()));
        }
    }

    private static void required(List<FieldProblem> problems, String field, String value, int max) {
        if (blank(value)) {
            problems.add(new FieldProblem(field, "is required"));
        } else {
            optional(problems, field, value, max);
        }
    }

    private static void optional(List<FieldProblem> problems, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(new FieldProblem(field, "has " + value.length() + " characters; at most " + max));
        } else if (hasNul(value)) {
            problems.add(new FieldProblem(field, NUL_MESSAGE));
        }
    }

    /** A subject is one line of plain text: no control or text-direction characters (NUL has its own message). */
    private static void oneLine(List<FieldProblem> problems, String field, String value) {
        var unsafe = PlainText.unsafeCharacter(value);
        if (unsafe >= 0 && !hasNul(value)) {
            problems.add(new FieldProblem(field, PlainText.problem(unsafe)));
        }
    }

    static boolean hasNul(String value) {
        return value != null && value.indexOf('\0') >= 0;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

package com.clientservices.desk.identity;

import com.clientservices.desk.refusal.FieldProblem;
import com.clientservices.desk.refusal.Invalid;
import com.clientservices.desk.refusal.NotAllowed;
import com.clientservices.desk.web.PlainText;
import com.clientservices.desk.web.RetryOnConcurrentChange;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators register customers (members), their account representative and their
 * registered contacts (SPOCs). Outside demo mode this is how a customer comes to the desk; the
 * contacts' and representative's users are created in Camunda Admin first.
 */
@RestController
@Tag(name = "Members")
class MemberController {

    private final Members members;
    private final IdentityService identity;
    private final RetryOnConcurrentChange retry;

    MemberController(Members members, IdentityService identity, RetryOnConcurrentChange retry) {
        this.members = members;
        this.identity = identity;
        this.retry = retry;
    }

    record MemberRequest(String name, String accountRepresentative, List<String> contacts) {}

    record MemberView(long memberId, String name, String accountRepresentative, List<String> contacts) {}

    @GetMapping("/api/members")
    @Operation(summary = "Every member with its account representative and contacts (administrators)")
    List<MemberView> all() {
        requireAdmin();
        return members.all().stream().map(this::view).toList();
    }

    @PutMapping("/api/members/{memberId}")
    @Operation(
            summary = "Register a member or replace its name, account representative and contacts (administrators); "
                    + "201 when new, 200 when changed")
    ResponseEntity<MemberView> put(@PathVariable long memberId, @RequestBody MemberRequest request) {
        requireAdmin();
        validate(memberId, request);
        var member = new Members.Member(memberId, request.name().strip(), request.accountRepresentative());
        // Two administrators registering the same member at once: the second run finds it and replaces it.
        return retry.run("Member " + memberId, () -> {
            var isNew = members.save(member, request.contacts());
            var view = view(member);
            return isNew ? ResponseEntity.status(201).body(view) : ResponseEntity.ok(view);
        });
    }

    private MemberView view(Members.Member member) {
        return new MemberView(
                member.id(), member.name(), member.accountRepresentative(), members.contacts(member.id()));
    }

    private void validate(long memberId, MemberRequest request) {
        var problems = new ArrayList<FieldProblem>();
        if (memberId <= 0) {
            problems.add(new FieldProblem("memberId", "must be a positive number"));
        }
        if (request.name() == null || request.name().isBlank() || request.name().length() > 200) {
            problems.add(new FieldProblem("name", "is required, at most 200 characters"));
        } else if (PlainText.unsafeCharacter(request.name()) >= 0) {
            problems.add(new FieldProblem("name", PlainText.problem(PlainText.unsafeCharacter(request.name()))));
        }
        if (request.accountRepresentative() == null
                || !inGroup(request.accountRepresentative(), DeskGroups.ACCOUNT_REPRESENTATIVES)) {
            problems.add(new FieldProblem(
                    "accountRepresentative", "must be a user of the group " + DeskGroups.ACCOUNT_REPRESENTATIVES));
        }
        if (request.contacts() == null) {
            problems.add(new FieldProblem("contacts", "is required (may be empty)"));
        } else {
            for (var contact : request.contacts()) {
                if (contact == null || !inGroup(contact, DeskGroups.CUSTOMERS)) {
                    problems.add(new FieldProblem(
                            "contacts", "must be users of the group " + DeskGroups.CUSTOMERS + ": " + contact));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
    }

    private boolean inGroup(String userId, String group) {
        return userId.length() <= 64
                && identity.createUserQuery()
                                .userId(userId)
                                .memberOfGroup(group)
                                .count()
                        > 0;
    }

    private static void requireAdmin() {
        if (!CurrentUser.get().in(DeskGroups.ADMINS)) {
            throw new NotAllowed("Only administrators register members");
        }
    }
}

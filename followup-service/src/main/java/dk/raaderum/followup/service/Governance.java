package dk.raaderum.followup.service;

import dk.raaderum.platform.events.ResponsibleBody;
import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Actor;
import dk.raaderum.platform.web.security.Roles;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who registers a decision and on whose behalf, for decisions on initiatives and on investment pool applications
 * alike. A decision that changes what the budget can count on is taken by a body (the council, the finance committee,
 * a standing committee or the executive board) and registered by a finance officer on its behalf, naming the body and
 * the meeting; the others are open to politicians too, and the body and meeting are optional there but complete when
 * given.
 */
final class Governance {

    /** 422 rule: the decision names the deciding body and the meeting (the fields are listed). */
    static final String RULE_GOVERNANCE_REQUIRED = "governance-required";
    /** 422 rule: a director or department head does not take these decisions. */
    static final String RULE_NOT_A_DECIDING_BODY = "not-a-deciding-body";
    /** The bodies that take decisions. */
    static final Set<ResponsibleBody> DECIDING_BODIES = Collections.unmodifiableSet(EnumSet.of(ResponsibleBody.COUNCIL,
            ResponsibleBody.FINANCE_COMMITTEE, ResponsibleBody.STANDING_COMMITTEE, ResponsibleBody.EXECUTIVE_BOARD));

    /** The body, its name and the meeting a decision names (each may be null). */
    record Body(ResponsibleBody body, String name, String reference) {
    }

    private Governance() {
    }

    /**
     * A decision taken by a body is registered by a finance officer; a politician alone may not: one member of one
     * party is not the body.
     */
    static void requireMayRegister(Actor actor, boolean takenByBody, String forbidden) {
        if (takenByBody && !actor.hasRole(Roles.FINANCE_OFFICER)) {
            throw ProblemException.forbidden(forbidden);
        }
    }

    /**
     * The body and meeting: required when {@code required}, else optional; when given, complete (a meeting reference,
     * and a standing committee's name). Every missing field is named.
     */
    static void check(String what, boolean required, Body given) {
        ResponsibleBody body = given.body();
        boolean hasReference = !Texts.isBlank(given.reference());
        if (body != null && !DECIDING_BODIES.contains(body)) {
            throw ProblemException.ruleViolation(RULE_NOT_A_DECIDING_BODY, body + " does not take this decision;"
                    + " the deciding body is one of " + DECIDING_BODIES,
                    List.of(new FieldError("decidingBody", "one of " + DECIDING_BODIES)));
        }
        if (!required && body == null && !hasReference && Texts.isBlank(given.name())) {
            return;
        }
        String why = required ? "required for " + what : "required when a deciding body is given";
        List<FieldError> missing = new ArrayList<>();
        if (body == null) {
            missing.add(new FieldError("decidingBody", why));
        }
        if (body == ResponsibleBody.STANDING_COMMITTEE && Texts.isBlank(given.name())) {
            missing.add(new FieldError("decidingBodyName", "required for a STANDING_COMMITTEE: which one"));
        }
        if (!hasReference) {
            missing.add(new FieldError("decisionReference", why));
        }
        if (!missing.isEmpty()) {
            throw ProblemException.ruleViolation(RULE_GOVERNANCE_REQUIRED, what + " names the body that took it and the"
                    + " meeting, e.g. FINANCE_COMMITTEE and \"ØU 2027-03-14 pkt. 7\"; missing: "
                    + missing.stream().map(FieldError::field).toList(), missing);
        }
    }
}

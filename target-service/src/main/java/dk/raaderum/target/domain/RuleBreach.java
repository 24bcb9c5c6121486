package dk.raaderum.target.domain;

/** A broken rule found by a pure check: its stable name (docs/problems.md), the field it concerns and what is wrong. */
public record RuleBreach(String rule, String field, String message) {
}

package dk.raaderum.target.domain;

/** How a base budget came in. */
public enum BudgetSource {
    JSON, CSV, DEMO
}

package dk.raaderum.platform.events;

import java.util.Collection;
import java.util.Optional;

/**
 * The four kinds of råderum proposal (figure 3.1 of KL's report): does it reduce service, does it need new
 * resources. One definition for catalogs, the benefit register and the idea bank, and the {@code type} of every
 * event that carries one. The Danish label is what exports and councils read.
 *
 * <p>The sign rules of a type's yearly net change (change in operating expenses, negative creates room) live here
 * too, so a catalog proposal and an idea are held to the same rules; {@link #checkNetChange} names the broken rule
 * with one of the rule constants, which clients see as the {@code rule} of a 422 problem.
 */
public enum ProposalType {
    /** Reduces resources or services; usually lowers the service level. */
    SAVING("besparelse"),
    /** Same for less or more for the same; rests on a business case. */
    EFFICIENCY("effektivisering"),
    /** Upfront investment for an expected return later: investment cost, yearly gains, payback. */
    INVESTMENT("investering"),
    /** Spends room; mostly from parties and external actors. */
    EXPANSION("budgetudvidelse");

    /** A SAVING or EFFICIENCY creates room over the horizon: the total net change is negative. */
    public static final String RULE_CREATES_ROOM = "creates-room";
    /** A SAVING or EFFICIENCY adds no net cost in any year (an upfront cost makes it an investment). */
    public static final String RULE_NO_NET_COST = "no-net-cost";
    /** An EXPANSION spends room: the total net change is positive. */
    public static final String RULE_EXPANSION_COSTS = "expansion-costs";
    /** An INVESTMENT gives its cost and gains per year; no other type has them. */
    public static final String RULE_INVESTMENT_PROFILE = "investment-profile";

    private final String danish;

    ProposalType(String danish) {
        this.danish = danish;
    }

    public String danish() {
        return danish;
    }

    /** Types whose money is room created (as opposed to room spent): only these have gains to follow up. */
    public boolean createsRoom() {
        return this != EXPANSION;
    }

    /** The type with this name or Danish label, ignoring case ({@code EFFICIENCY}, {@code effektivisering}). */
    public static Optional<ProposalType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip();
        for (ProposalType type : values()) {
            if (type.name().equalsIgnoreCase(wanted) || type.danish.equalsIgnoreCase(wanted)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** A broken sign rule: the rule's name and what is wrong, for people. */
    public record Violation(String rule, String detail) {
    }

    /**
     * The sign rules for yearly net changes: a SAVING or EFFICIENCY creates room over the years given and costs
     * nothing in any of them; an EXPANSION costs. An INVESTMENT has no sign rule (cost first, gains later).
     *
     * @param netChange the yearly amounts, in year order (whole kroner; negative creates room)
     */
    public Optional<Violation> checkNetChange(Collection<YearAmount> netChange) {
        long total = 0;
        for (YearAmount year : netChange) {
            total = Math.addExact(total, year.amount());
        }
        return switch (this) {
            case SAVING, EFFICIENCY -> {
                if (total >= 0) {
                    yield Optional.of(new Violation(RULE_CREATES_ROOM, "The type " + danish + " creates room"
                            + " over the horizon: the total change in operating expenses must be negative, it is "
                            + total));
                }
                yield netChange.stream().filter(year -> year.amount() > 0).findFirst()
                        .map(year -> new Violation(RULE_NO_NET_COST, "The type " + danish + " adds no net"
                                + " cost in any year; " + year.year() + " costs " + year.amount()
                                + " kr. (an upfront cost makes it an investment)"));
            }
            case EXPANSION -> total <= 0
                    ? Optional.of(new Violation(RULE_EXPANSION_COSTS, "The type budgetudvidelse spends room: the total"
                            + " change in operating expenses must be positive, it is " + total))
                    : Optional.empty();
            case INVESTMENT -> Optional.empty();
        };
    }
}

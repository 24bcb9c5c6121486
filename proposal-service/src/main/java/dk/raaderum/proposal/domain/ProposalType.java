package dk.raaderum.proposal.domain;

/**
 * The four kinds of råderum proposal (figure 3.1 of KL's report): does it reduce service, does it need new
 * resources. The Danish label is what exports and councils read.
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

    private final String danish;

    ProposalType(String danish) {
        this.danish = danish;
    }

    public String danish() {
        return danish;
    }

    /** Types whose money is room created (as opposed to room spent). */
    public boolean createsRoom() {
        return this != EXPANSION;
    }
}

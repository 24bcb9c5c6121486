package dk.raaderum.proposal.domain;

/** How certain the administration is of the amounts. */
public enum Uncertainty {
    LOW("lav"), MEDIUM("middel"), HIGH("høj");

    private final String danish;

    Uncertainty(String danish) {
        this.danish = danish;
    }

    public String danish() {
        return danish;
    }
}

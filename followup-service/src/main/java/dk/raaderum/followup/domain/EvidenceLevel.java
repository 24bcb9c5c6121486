package dk.raaderum.followup.domain;

/**
 * How well a realised gain is shown, strongest first. Aarhus makes its gains probable ("sandsynliggjort") rather
 * than fully documented.
 */
public enum EvidenceLevel {
    /** Shown in the accounts or another document. */
    DOCUMENTED("dokumenteret"),
    /** Made probable with data and reasoning ("sandsynliggjort"). */
    PROBABLE("sandsynliggjort"),
    /** The program owner's estimate. */
    ESTIMATE("skøn");

    private final String danish;

    EvidenceLevel(String danish) {
        this.danish = danish;
    }

    public String danish() {
        return danish;
    }

    /** The weaker of two levels (null counts as absent). */
    public static EvidenceLevel weakest(EvidenceLevel a, EvidenceLevel b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}

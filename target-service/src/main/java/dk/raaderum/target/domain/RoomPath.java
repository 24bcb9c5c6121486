package dk.raaderum.target.domain;

import dk.raaderum.platform.events.ProposalType;

/** KL's five paths to fiscal room, with the share of municipalities that use each as a primary path. */
public enum RoomPath {
    /** Den stille vej (56 %): price/wage or demography compensation withheld. */
    QUIET("Den stille vej"),
    /** Den direkte vej (45 %): a general frame reduction ("grønthøsteren"), some areas exempted. */
    DIRECT("Den direkte vej"),
    /** Den brede vej (35 %): adopted savings and efficiency proposals from the catalog. */
    BROAD("Den brede vej"),
    /** Den tværgående vej (27 %): adopted cross-area investments, net per year. */
    CROSS_CUTTING("Den tværgående vej"),
    /** Den smalle vej (15 %): deep analyses of one area at a time, as realised so far. */
    NARROW("Den smalle vej");

    private final String danish;

    RoomPath(String danish) {
        this.danish = danish;
    }

    public String danish() {
        return danish;
    }

    /**
     * The path an adopted catalog proposal of this type belongs to: savings and efficiency are the broad path,
     * investments the cross-cutting path. Expansions spend room and belong to no path: callers count them apart.
     */
    public static RoomPath of(ProposalType type) {
        return type == ProposalType.INVESTMENT ? CROSS_CUTTING : BROAD;
    }
}

package dk.raaderum.ideabank.domain;

/** How a curator says two ideas are related (beside merging duplicates into a family). */
public enum LinkType {
    /** Alike without being the same idea; symmetric. */
    SIMILAR_TO("similar to", "similar to", true),
    /** A variant of the other idea. */
    VARIANT_OF("variant of", "has variant", false),
    /** A part of the other, larger idea. */
    PART_OF("part of", "has part", false);

    private final String outgoing;
    private final String incoming;
    private final boolean symmetric;

    LinkType(String outgoing, String incoming, boolean symmetric) {
        this.outgoing = outgoing;
        this.incoming = incoming;
        this.symmetric = symmetric;
    }

    /** How the link reads from the idea it starts at, e.g. "variant of". */
    public String outgoing() {
        return outgoing;
    }

    /** How the link reads from the idea it points to, e.g. "has variant". */
    public String incoming() {
        return incoming;
    }

    /** A symmetric link is stored once, from the lower id to the higher. */
    public boolean symmetric() {
        return symmetric;
    }
}

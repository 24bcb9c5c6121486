package dk.raaderum.target.domain;

/** An allocation (or another calculation) that cannot be made as asked: a named rule and a detail for people. */
public class AllocationException extends RuntimeException {

    private final String rule;
    private final String field;

    public AllocationException(String rule, String detail) {
        this(rule, detail, null);
    }

    public AllocationException(String rule, String detail, String field) {
        super(detail, null, false, false);
        this.rule = rule;
        this.field = field;
    }

    public String rule() {
        return rule;
    }

    /** The offending request field, if one can be named. */
    public String field() {
        return field;
    }
}

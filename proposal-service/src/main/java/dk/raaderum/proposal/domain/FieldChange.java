package dk.raaderum.proposal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One field of a {@link ProposalChange}: its name as the API names it ({@code title}, {@code origin.party},
 * {@code years.2027.netChange}) and its value before and after as text (amounts exact, in whole kroner; null when
 * absent).
 */
@Embeddable
public class FieldChange {

    @Column(nullable = false, length = 100)
    public String field;

    @Column(name = "old_value", columnDefinition = "text")
    public String oldValue;

    @Column(name = "new_value", columnDefinition = "text")
    public String newValue;

    public FieldChange() {
    }

    public FieldChange(String field, String oldValue, String newValue) {
        this.field = field;
        this.oldValue = oldValue;
        this.newValue = newValue;
    }
}

package dk.raaderum.ideabank.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A proposal a municipality shared with the others through the idea bank. */
@Entity
public class Idea {

    @Id
    @GeneratedValue
    public Long id;

    @Column(name = "source_municipality", nullable = false, length = 3)
    public String sourceMunicipality;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(name = "proposal_type", nullable = false, length = 20)
    public String proposalType;

    @Version
    public long version;
}

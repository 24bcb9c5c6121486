package dk.raaderum.followup.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An adopted initiative whose gains are followed up. */
@Entity
@Table(name = "initiative")
public class Initiative {

    @Id
    @GeneratedValue
    public Long id;

    @Column(nullable = false, length = 3)
    public String municipality;

    @Column(name = "budget_year", nullable = false)
    public int budgetYear;

    @Column(nullable = false, length = 200)
    public String title;

    @Version
    public long version;
}

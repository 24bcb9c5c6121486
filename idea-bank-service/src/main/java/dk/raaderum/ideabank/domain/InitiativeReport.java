package dk.raaderum.ideabank.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** The latest report version of one report period (2027, or 2027-Q2) of a follow-up initiative. */
@Entity
@Table(name = "initiative_report")
@IdClass(InitiativeReport.Key.class)
public class InitiativeReport {

    /** The primary key: initiative and period. */
    public static class Key implements Serializable {

        public long initiativeId;
        public String period;

        public Key() {
        }

        public Key(long initiativeId, String period) {
            this.initiativeId = initiativeId;
            this.period = period;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.initiativeId == initiativeId && Objects.equals(key.period, period);
        }

        @Override
        public int hashCode() {
            return Objects.hash(initiativeId, period);
        }
    }

    @Id
    @Column(name = "initiative_id")
    public long initiativeId;

    @Id
    @Column(length = 7)
    public String period;

    @Column(nullable = false)
    public int year;

    @Column(name = "report_version", nullable = false)
    public int reportVersion;

    @Column(nullable = false)
    public long expected;

    @Column(nullable = false)
    public long realised;

    @Column(name = "evidence_level", nullable = false, length = 12)
    public String evidenceLevel;

    @Column(length = 5)
    public String status;

    @Column(name = "reported_at", nullable = false)
    public Instant reportedAt;
}

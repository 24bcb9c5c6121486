package dk.raaderum.proposal.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/** A committee (fagudvalg) of a multi-year agreement: the areas it answers for and its fixed frame per year. */
@Entity
@Table(name = "agreement_committee")
public class AgreementCommittee {

    @Id
    @GeneratedValue
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agreement_id")
    public Agreement agreement;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(nullable = false)
    public int position;

    @ElementCollection
    @CollectionTable(name = "agreement_committee_area", joinColumns = @JoinColumn(name = "committee_id"))
    @Column(name = "area_code", length = 10)
    @OrderBy
    public Set<String> areaCodes = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "agreement_frame", joinColumns = @JoinColumn(name = "committee_id"))
    @OrderBy("year")
    public List<YearFrame> frames = new ArrayList<>();

    public OptionalLong frame(int year) {
        return frames.stream().filter(f -> f.year == year).mapToLong(f -> f.amount).findFirst();
    }
}

package dk.raaderum.ideabank.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One of KL's imports: the file's format and rows, and how many ideas it created, updated and left unchanged. */
@Entity
@Table(name = "idea_import")
public class IdeaImport {

    @Id
    @GeneratedValue
    public Long id;

    @Column(nullable = false, length = 10)
    public String format;

    @Column(nullable = false)
    public int rows;

    @Column(nullable = false)
    public int created;

    @Column(nullable = false)
    public int updated;

    @Column(nullable = false)
    public int unchanged;

    @Column(nullable = false)
    public boolean published;

    @Column(name = "imported_at", nullable = false)
    public Instant importedAt;

    @Column(name = "imported_by", nullable = false, length = 200)
    public String importedBy;

    @Column(name = "imported_by_id", nullable = false, length = 200)
    public String importedById;
}

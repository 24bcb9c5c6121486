package dk.raaderum.platform.messaging.testapp;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The consumer side's read model: how many events were applied to it tells duplicates apart. */
@Entity
@Table(name = "test_note_copy")
public class TestNoteCopy extends PanacheEntityBase {

    @Id
    @Column(name = "note_id")
    public Long noteId;
    public String title;
    @Column(name = "events_applied")
    public int eventsApplied;
}

package dk.raaderum.platform.messaging.testapp;

import dk.raaderum.platform.messaging.outbox.Outbox;
import dk.raaderum.platform.web.problem.ProblemException;

import io.quarkus.narayana.jta.QuarkusTransaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class NoteService {

    private final Outbox outbox;
    private final EntityManager entityManager;

    public NoteService(Outbox outbox, EntityManager entityManager) {
        this.outbox = outbox;
        this.entityManager = entityManager;
    }

    /** Creates a note and its event in one transaction; {@code failAfterPublish} rolls both back. */
    @Transactional
    public TestNote create(String municipality, String title, boolean failAfterPublish) {
        TestNote note = new TestNote();
        note.municipality = municipality;
        note.title = title;
        note.persist();
        entityManager.flush();
        outbox.publish(NoteEvents.CREATED, note.id.toString(), municipality, new NoteEvents.NoteChanged(note.id, title));
        if (failAfterPublish) {
            throw ProblemException.conflict("Rolled back on purpose after writing note " + note.id);
        }
        return note;
    }

    /** Creates notes and publishes their events with one batched insert. */
    @Transactional
    public List<Long> createAll(String municipality, List<String> titles) {
        List<Outbox.Keyed<NoteEvents.NoteChanged>> events = new ArrayList<>();
        for (String title : titles) {
            TestNote note = new TestNote();
            note.municipality = municipality;
            note.title = title;
            note.persist();
            entityManager.flush();
            events.add(new Outbox.Keyed<>(note.id.toString(), municipality, new NoteEvents.NoteChanged(note.id, title)));
        }
        outbox.publishAll(NoteEvents.CREATED, events);
        return events.stream().map(e -> Long.valueOf(e.aggregateId())).toList();
    }

    @Transactional
    public TestNote rename(long id, String title) {
        TestNote note = TestNote.<TestNote>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Note", id));
        note.title = title;
        outbox.publish(NoteEvents.RENAMED, note.id.toString(), note.municipality, new NoteEvents.NoteChanged(id, title));
        return note;
    }

    /** Adds a note with an existing note's id: a unique-key violation. */
    @Transactional
    public void insertDuplicate(long id) {
        entityManager.createNativeQuery("insert into test_note (id, municipality, title, version) values (?1, '573',"
                + " 'duplicate', 0)").setParameter(1, id).executeUpdate();
    }

    /** Loses a race: another transaction changes the note between our read and our write. */
    @Transactional
    public void renameLosingRace(long id, String title) {
        TestNote note = TestNote.<TestNote>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Note", id));
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update test_note set version = version + 1, title = 'someone else' where id = ?1")
                .setParameter(1, id).executeUpdate());
        note.title = title;
        entityManager.flush();
    }
}

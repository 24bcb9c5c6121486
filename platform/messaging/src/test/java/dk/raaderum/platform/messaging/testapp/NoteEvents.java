package dk.raaderum.platform.messaging.testapp;

import dk.raaderum.platform.events.EventType;

public final class NoteEvents {

    public static final String TOPIC = "platform-test.notes";
    public static final EventType<NoteChanged> CREATED = new EventType<>(TOPIC, "dk.raaderum.test.note.created.v1",
            NoteChanged.class);
    public static final EventType<NoteChanged> RENAMED = new EventType<>(TOPIC, "dk.raaderum.test.note.renamed.v1",
            NoteChanged.class);

    private NoteEvents() {
    }

    public record NoteChanged(long noteId, String title) {
    }
}

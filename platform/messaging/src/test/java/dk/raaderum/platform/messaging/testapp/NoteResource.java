package dk.raaderum.platform.messaging.testapp;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/** The test application's public surface. */
@Path("/test/notes")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class NoteResource {

    private final NoteService notes;

    public NoteResource(NoteService notes) {
        this.notes = notes;
    }

    @POST
    public Response create(@QueryParam("title") String title, @QueryParam("failAfterPublish") @DefaultValue("false") boolean fail) {
        TestNote note = notes.create("573", title, fail);
        return Response.status(201).entity(Map.of("id", note.id)).build();
    }

    /** A note written outside any trace (as a scheduled job would). */
    @POST
    @Path("/untraced")
    public Response createUntraced(@QueryParam("title") String title) {
        try (Scope root = Context.root().makeCurrent()) {
            return create(title, false);
        }
    }

    @POST
    @Path("/batch")
    public Response createAll(@QueryParam("title") List<String> titles) {
        return Response.status(201).entity(Map.of("ids", notes.createAll("573", titles))).build();
    }

    @PUT
    @Path("/{id}")
    public Map<String, Object> rename(@PathParam("id") long id, @QueryParam("title") String title) {
        TestNote note = notes.rename(id, title);
        return Map.of("id", note.id, "title", note.title);
    }

    @POST
    @Path("/{id}/race")
    public void race(@PathParam("id") long id) {
        notes.renameLosingRace(id, "mine");
    }

    /** Adds a note with the id of an existing one: a unique-key violation, as a concurrent create of the same row. */
    @POST
    @Path("/{id}/duplicate")
    public void duplicate(@PathParam("id") long id) {
        notes.insertDuplicate(id);
    }

    @GET
    @Path("/{id}/copy")
    public Response copy(@PathParam("id") long id) {
        TestNoteCopy copy = TestNoteCopy.findById(id);
        if (copy == null) {
            return Response.status(404).build();
        }
        return Response.ok(Map.of("title", copy.title, "eventsApplied", copy.eventsApplied,
                "traceId", String.valueOf(NoteCopyConsumer.traceOf(id)))).build();
    }
}

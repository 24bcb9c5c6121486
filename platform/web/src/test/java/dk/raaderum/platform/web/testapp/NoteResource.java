package dk.raaderum.platform.web.testapp;

import dk.raaderum.platform.web.http.CsvWriter;
import dk.raaderum.platform.web.http.EntityTags;
import dk.raaderum.platform.web.http.QueryParams;
import dk.raaderum.platform.web.http.Responses;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.platform.web.security.Caller;
import dk.raaderum.platform.web.security.CrossMunicipality;
import dk.raaderum.platform.web.security.Roles;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** A municipal resource of the test application, one endpoint per behaviour under test. */
@Path("/api/v1/municipalities/{municipalityCode}/notes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NoteResource {

    /** A single-valued and a list enum filter, as the services have them. */
    public enum Kind {
        SAVING, EXPANSION
    }

    private final Caller caller;

    public NoteResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.POLITICIAN, Roles.MUNICIPAL_SYSTEM, Roles.KL_CURATOR })
    public Map<String, Object> list(@PathParam("municipalityCode") String municipality,
            @QueryParam("size") @Min(1) @Max(100) Integer size, @QueryParam("shared") Boolean shared,
            @QueryParam("kind") Kind kind, @QueryParam("kinds") List<String> kinds) {
        return Map.of("municipality", municipality, "caller", caller.username(), "machine", caller.isMachine(),
                "shared", String.valueOf(shared), "kind", String.valueOf(kind),
                "kinds", QueryParams.enums("kinds", kinds, Kind.class).toString());
    }

    @GET
    @Path("/shared")
    @RolesAllowed({ Roles.FINANCE_OFFICER, Roles.KL_CURATOR })
    @CrossMunicipality(Roles.KL_CURATOR)
    public Map<String, Object> shared(@PathParam("municipalityCode") String municipality) {
        return Map.of("municipality", municipality, "caller", caller.username());
    }

    @GET
    @Path("/public")
    @PermitAll
    public Map<String, Object> open(@PathParam("municipalityCode") String municipality) {
        return Map.of("municipality", municipality);
    }

    @POST
    @RolesAllowed(Roles.FINANCE_OFFICER)
    public Response create(@PathParam("municipalityCode") String municipality, @NotNull @Valid NoteRequest request,
            @Context UriInfo uri) {
        return Responses.created(uri, 1, Map.of("title", request.title()));
    }

    /** Texts as users wrote them, one of them a formula, and a negative amount. */
    @GET
    @Path("/export.csv")
    @Produces(CsvWriter.MEDIA_TYPE)
    @RolesAllowed(Roles.FINANCE_OFFICER)
    public Response export(@PathParam("municipalityCode") String municipality) {
        StreamingOutput body = out -> {
            try (CsvWriter csv = CsvWriter.to(out)) {
                csv.row("titel", "beløb");
                csv.row("=HYPERLINK(\"http://evil.example\";\"Klik\")", -1500L);
                csv.row("-10 % på vikarer", "-1500");
            }
        };
        return Responses.attachment("noter.csv", CsvWriter.MEDIA_TYPE, body);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    public Response get(@PathParam("municipalityCode") String municipality, @PathParam("id") long id) {
        if (id != 1) {
            throw ProblemException.notFound("Note", id);
        }
        return Response.ok(Map.of("id", id)).tag(EntityTags.of(7)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    public Map<String, Object> update(@PathParam("municipalityCode") String municipality, @PathParam("id") long id,
            @HeaderParam("If-Match") String ifMatch, @Valid NoteRequest request) {
        EntityTags.checkIfMatch(EntityTags.parseIfMatch(ifMatch), 7);
        return Map.of("id", id);
    }

    @POST
    @Path("/rule")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    public Response rule(@PathParam("municipalityCode") String municipality) {
        throw ProblemException.ruleViolation("saving-creates-room", "A saving must create room over the horizon");
    }

    @POST
    @Path("/conflict")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    public Response conflict(@PathParam("municipalityCode") String municipality) {
        throw ProblemException.conflict("Catalog 2027 is locked");
    }

    @POST
    @Path("/boom")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    public Response boom(@PathParam("municipalityCode") String municipality) {
        throw new IllegalStateException("secret internal detail at dk.raaderum.Internal.line(42)");
    }

    /** What a query meets when every pooled connection stays busy past the acquisition timeout (Agroal's words). */
    @POST
    @Path("/busy")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    public Response busy(@PathParam("municipalityCode") String municipality) {
        throw new IllegalStateException("Query failed", new SQLException("Sorry, acquisition timeout!"));
    }

    /**
     * What a query meets when the pool cannot open a new connection in time (Agroal's words, wrapped as Hibernate
     * wraps them): PostgreSQL accepts connections no more, e.g. stopped.
     */
    @POST
    @Path("/connecting")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    public Response connecting(@PathParam("municipalityCode") String municipality) {
        throw new IllegalStateException("Unable to acquire JDBC Connection", new SQLException(
                "Acquisition timeout while waiting for new connection", new java.util.concurrent.TimeoutException()));
    }

    /** What a query meets when PostgreSQL cannot be reached (SQLSTATE 08001). */
    @POST
    @Path("/unreachable")
    @RolesAllowed(Roles.FINANCE_OFFICER)
    public Response unreachable(@PathParam("municipalityCode") String municipality) {
        throw new IllegalStateException(new SQLException("Connection to localhost:5432 refused", "08001"));
    }
}

package dk.raaderum.platform.web.testapp;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Has no security annotation: the platform denies it (deny-unannotated-endpoints). */
@Path("/api/v1/unannotated")
public class UnannotatedResource {

    @GET
    public String get() {
        return "should never be served";
    }
}

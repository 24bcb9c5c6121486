package dk.raaderum.platform.testing;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.ValidatableResponse;

/** REST Assured checks for RFC 9457 problem+json answers. */
public final class ProblemAssertions {

    public static final String PROBLEM_BASE = "https://raaderum.dk/problems/";

    private ProblemAssertions() {
    }

    /** Status, media type, stable type URI, a detail and the correlation id; returns the response for more checks. */
    public static ValidatableResponse assertProblem(ValidatableResponse response, int status, String slug) {
        return response
                .statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(PROBLEM_BASE + slug))
                .body("status", equalTo(status))
                .body("title", not(emptyOrNullString()))
                .body("detail", not(emptyOrNullString()))
                .body("correlationId", not(emptyOrNullString()));
    }
}

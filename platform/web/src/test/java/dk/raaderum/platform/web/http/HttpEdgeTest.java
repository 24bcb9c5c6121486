package dk.raaderum.platform.web.http;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.raaderum.platform.testing.Csv;
import dk.raaderum.platform.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * What every service does at its HTTP edge: CSV cells cannot run as formulas, one body-size limit answered with a 413
 * problem, and links built from the gateway's X-Forwarded-* headers.
 */
@QuarkusTest
class HttpEdgeTest {

    private static final String NOTES = "/api/v1/municipalities/573/notes";
    /** The test profile's raaderum.http.max-body-size is 16K. */
    private static final int LIMIT = 16 * 1024;

    private static RequestSpecification asVardeFinanceOfficer() {
        return given().auth().oauth2(TestTokens.user("varde-fo").roles("finance-officer").municipality("573").token());
    }

    private static String noteOfSize(int bytes) {
        String prefix = "{\"title\": \"x\", \"amount\": 1, \"lines\": [";
        StringBuilder json = new StringBuilder(prefix);
        while (json.length() < bytes - 40) {
            json.append("{\"year\": 2027, \"amount\": 1},");
        }
        return json.append("{\"year\": 2027, \"amount\": 1}]}").toString();
    }

    @Test
    void csvCellsThatWouldRunAsFormulasAreNeutralisedButAmountsStayNumbers() {
        byte[] csv = asVardeFinanceOfficer().get(NOTES + "/export.csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asByteArray();
        List<List<String>> rows = Csv.parse(csv);
        assertEquals(List.of("'=HYPERLINK(\"http://evil.example\";\"Klik\")", "-1500"), rows.get(1));
        assertEquals(List.of("'-10 % på vikarer", "-1500"), rows.get(2));
    }

    @Test
    void aBodyOverTheLimitIs413Problem() {
        assertProblem(asVardeFinanceOfficer().contentType(ContentType.JSON).body(noteOfSize(LIMIT + 1024))
                .post(NOTES).then(), 413, "content-too-large")
                .body("detail", containsString("16 KiB"));
    }

    @Test
    void aChunkedBodyOverTheLimitIs413Problem() {
        byte[] body = noteOfSize(LIMIT + 1024).getBytes();
        assertProblem(asVardeFinanceOfficer().contentType(ContentType.JSON).body(new ByteArrayInputStream(body))
                .post(NOTES).then(), 413, "content-too-large");
    }

    @Test
    void aBodyUnderTheLimitIsServed() {
        asVardeFinanceOfficer().contentType(ContentType.JSON).body(noteOfSize(LIMIT - 1024)).post(NOTES).then()
                .statusCode(201);
    }

    @Test
    void locationPointsAtTheGatewayThatForwardedTheRequest() {
        asVardeFinanceOfficer().contentType(ContentType.JSON)
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "api.raaderum.example")
                .header("X-Forwarded-Port", "443")
                .header("X-Forwarded-For", "203.0.113.7")
                .body("{\"title\": \"x\", \"amount\": 1}").post(NOTES).then().statusCode(201)
                .header("Location", equalTo("https://api.raaderum.example" + NOTES + "/1"));
    }

    @Test
    void openApiDescribes413ForBodiesAndTheCsvNeutralisation() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'" + NOTES.replace("573", "{municipalityCode}") + "'.post.responses.'413'.content"
                        + ".'application/problem+json'.schema.$ref", equalTo("#/components/schemas/Problem"))
                .body("paths.'" + NOTES.replace("573", "{municipalityCode}") + "/export.csv'.get.responses.'200'"
                        + ".description", containsString("CSV injection"));
    }

    @Test
    void openApiListsWhatThePlatformAnswersForAnyOperation() {
        String notes = "paths.'" + NOTES.replace("573", "{municipalityCode}") + "'";
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(notes + ".post.responses.keySet()", hasItems("400", "404", "413", "415"))
                .body(notes + ".post.responses.'415'.content.'application/problem+json'.schema.$ref",
                        equalTo("#/components/schemas/Problem"))
                .body(notes + ".get.responses.keySet()", hasItems("400", "404"))
                .body(notes + ".get.responses.keySet()", not(hasItems("413")))
                .body(notes + ".get.responses.keySet()", not(hasItems("415")));
    }
}

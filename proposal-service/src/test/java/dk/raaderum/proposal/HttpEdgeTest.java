package dk.raaderum.proposal;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static dk.raaderum.proposal.support.Api.as;
import static dk.raaderum.proposal.support.Api.base;
import static dk.raaderum.proposal.support.Api.createCatalog;
import static dk.raaderum.proposal.support.Api.createProposal;
import static dk.raaderum.proposal.support.Api.proposal;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.raaderum.platform.testing.Csv;
import dk.raaderum.proposal.support.Api;
import dk.raaderum.proposal.support.Users;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** proposal-service at its HTTP edge, as the gateway and spreadsheet users meet it. */
@QuarkusTest
class HttpEdgeTest {

    private static final String M = "165";
    private static final int Y = 2056;
    private static final String GATEWAY = "https://api.raaderum.example";

    @Test
    void wrongMethodsOnCatalogPathsAre405WithAllow() {
        long catalog = createCatalog(M, Y);
        // /catalogs/{id} is served by CatalogResource, /catalogs/{id}/… also by SimulationResource: was a 404
        assertProblem(as(Users.financeOfficer(M)).delete(base(M) + "/catalogs/" + catalog).then(), 405,
                "method-not-allowed").header("Allow", "GET, HEAD, OPTIONS, PUT");
        assertProblem(as(Users.financeOfficer(M)).get(base(M) + "/catalogs/" + catalog + "/simulations").then(), 405,
                "method-not-allowed").header("Allow", "OPTIONS, POST");
        assertProblem(as(Users.financeOfficer(M)).put(base(M) + "/catalogs").then(), 405, "method-not-allowed")
                .header("Allow", "GET, HEAD, OPTIONS, POST");
    }

    @Test
    void locationHeadersNameTheGatewayThatForwardedTheRequest() {
        as(Users.financeOfficer(M)).header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "api.raaderum.example")
                .header("X-Forwarded-Port", "443").header("X-Forwarded-For", "203.0.113.7")
                .body(Map.of("budgetYear", Y + 1, "title", "Katalog", "karensperiodeYears", 1, "areas",
                        Api.AREAS))
                .post(base(M) + "/catalogs").then().statusCode(201)
                .header("Location", matchesPattern(GATEWAY + base(M) + "/catalogs/\\d+"));
        long catalog = createCatalog(M, Y + 2);
        as(Users.financeOfficer(M)).header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "api.raaderum.example")
                .header("X-Forwarded-Port", "443")
                .body(proposal("ÆLD", "SAVING", "Færre vikarer", Y + 2, -1, -1, -1, -1))
                .post(base(M) + "/catalogs/" + catalog + "/proposals").then().statusCode(201)
                .header("Location", matchesPattern(GATEWAY + base(M) + "/proposals/\\d+"));
    }

    @Test
    void theCsvExportNeutralisesFormulasAndKeepsNegativeAmountsNumbers() {
        long catalog = createCatalog(M, Y + 3);
        createProposal(M, catalog, proposal("ÆLD", "SAVING", "=HYPERLINK(\"http://evil.example\";\"Klik\")", Y + 3,
                -1500, -1500, -1500, -1500));
        byte[] bytes = as(Users.financeOfficer(M)).get(base(M) + "/catalogs/" + catalog + "/export.csv").then()
                .statusCode(200).extract().asByteArray();
        List<List<String>> rows = Csv.parse(bytes);
        List<String> header = rows.get(1);
        List<String> saving = Csv.row(rows, "ÆLD-01");
        assertEquals("'=HYPERLINK(\"http://evil.example\";\"Klik\")", saving.get(1));
        assertEquals(List.of("-1500", "-1500", "-1500", "-1500", "-6000"),
                saving.subList(header.indexOf(Integer.toString(Y + 3)), header.indexOf(Integer.toString(Y + 3)) + 5));
    }
}

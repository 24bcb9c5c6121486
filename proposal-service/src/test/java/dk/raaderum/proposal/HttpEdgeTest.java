package dk.raaderum.proposal;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static dk.raaderum.proposal.support.Api.as;
import static dk.raaderum.proposal.support.Api.base;
import static dk.raaderum.proposal.support.Api.createCatalog;
import static dk.raaderum.proposal.support.Api.createProposal;
import static dk.raaderum.proposal.support.Api.proposal;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.raaderum.platform.testing.Csv;
import dk.raaderum.proposal.support.Api;
import dk.raaderum.proposal.support.Users;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

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

    /** JSON and CSV answers are gzipped for a caller that asks (browsers do), and only for one that asks. */
    @Test
    void answersAreCompressedForCallersThatAskAndOnlyForThem() throws IOException {
        long catalog = createCatalog(M, Y + 4);
        for (int i = 1; i <= 3; i++) {
            createProposal(M, catalog, proposal("ÆLD", "SAVING", "Færre vikarer " + i, Y + 4, -i, -i, -i, -i));
        }
        for (String path : List.of("/catalogs/" + catalog + "/proposals", "/catalogs/" + catalog + "/export.csv")) {
            byte[] plain = raw().get(base(M) + path).then().header("Content-Encoding", anyOf(nullValue(),
                    equalTo("identity"))).extract().asByteArray();
            byte[] zipped = raw().header("Accept-Encoding", "gzip").get(base(M) + path).then()
                    .header("Content-Encoding", "gzip").extract().asByteArray();
            byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(zipped)).readAllBytes();
            assertEquals(new String(plain, StandardCharsets.UTF_8), new String(unzipped, StandardCharsets.UTF_8), path);
            assertTrue(plain.length > 100, path);
        }
    }

    /** A caller that decodes nothing by itself (REST Assured would ask for gzip and unzip on its own). */
    private static RequestSpecification raw() {
        RestAssuredConfig config = RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
        return as(Users.financeOfficer(M)).config(config);
    }
}

package dk.raaderum.followup;

import static dk.raaderum.followup.support.Api.as;
import static dk.raaderum.followup.support.Api.base;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import dk.raaderum.followup.service.DemoData;
import dk.raaderum.followup.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

/**
 * The local run's demo data (off in tests, {@code %dev} on): loaded through the services, visible as open data, and
 * loaded once. With the test clock in January 2027 the demo's catalogs are 2025 and 2026.
 */
@QuarkusTest
class DemoDataTest {

    @Inject
    DemoData demoData;

    @Test
    void demoDataShowsAarhusStyleOpenDataAndLoadsOnce() {
        demoData.load();
        demoData.load();

        given().queryParam("municipality", "751").get("/api/v1/open-data/initiatives").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.title", containsInAnyOrder("Automatiske medicindispensere i hjemmeplejen",
                        "Fælles indkøbsaftale på kontorartikler", "Sammenlægning af dagtilbudsledelser"));
        given().queryParam("municipality", "751").queryParam("catalogYear", 2025).get("/api/v1/open-data/realised-gains")
                .then().statusCode(200)
                .body("items.areaCode", contains("MBA", "MBA", "MSO", "MSO"))
                .body("items.year", contains(2025, 2026, 2025, 2026));
        as(Tokens.finance("573")).queryParam("owner", "varde-owner").get(base("573") + "/initiatives").then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].title", equalTo("Fælles kørselsplanlægning i hjemmeplejen"));
        as(Tokens.finance("751")).queryParam("q", "kontorartikler").get(base("751") + "/initiatives").then()
                .body("items[0].status", equalTo("ACTIVE"))
                .body("items[0].expected", equalTo(500_000 + 500_000 + 300_000 + 300_000));
    }
}

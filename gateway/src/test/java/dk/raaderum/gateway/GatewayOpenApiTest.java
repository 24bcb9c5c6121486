package dk.raaderum.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

/** One API description: the services' documents merged, tagged per service, served by the gateway. */
@QuarkusTest
class GatewayOpenApiTest {

    @Test
    void theServicesDocumentsAreMergedIntoOne() {
        FakeUpstreams.start("idea-bank-service");
        given().get("/openapi.json").then().statusCode(200)
                .body("info.title", equalTo("Råderum API"))
                .body("paths", hasKey("/api/v1/municipalities/{municipalityCode}/catalogs"))
                .body("paths", hasKey("/api/v1/municipalities/{municipalityCode}/targets"))
                .body("paths", hasKey("/api/v1/open-data/realised-gains"))
                .body("paths", hasKey("/api/v1/ideas"))
                .body("paths", not(hasKey("/q/internal")))
                .body("paths.'/api/v1/ideas'.get.tags", hasItem("idea-bank-service – Things"))
                .body("tags.name", hasItem("proposal-service – Things"))
                .body("components.schemas", hasKey("Problem"))
                .body("components.schemas", hasKey("AreaView"))
                .body("components.schemas", hasKey("TargetService_AreaView"))
                .body("paths.'/api/v1/municipalities/{municipalityCode}/targets'.get.responses.'200'.content."
                        + "'application/json'.schema.'$ref'", equalTo("#/components/schemas/TargetService_AreaView"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("servers[0].url", org.hamcrest.Matchers.startsWith("http://localhost:"));
    }

    @Test
    void swaggerUiServesTheMergedDocument() {
        given().get("/q/swagger-ui/index.html").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("url: '/openapi.json'"));
    }
}

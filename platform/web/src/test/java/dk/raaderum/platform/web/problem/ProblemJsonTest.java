package dk.raaderum.platform.web.problem;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dk.raaderum.platform.testing.TestTokens;
import dk.raaderum.platform.web.time.DateRange;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import org.junit.jupiter.api.Test;

import java.util.List;

/** Every error kind answers RFC 9457 problem+json with a stable type, a detail and the request's correlation id. */
@QuarkusTest
class ProblemJsonTest {

    private static final String NOTES = "/api/v1/municipalities/573/notes";

    private static RequestSpecification asVardeFinanceOfficer() {
        return given().auth().oauth2(TestTokens.user("varde-fo").roles("finance-officer").municipality("573").token())
                .contentType(ContentType.JSON);
    }

    @Test
    void beanValidationListsEveryOffendingField() {
        ValidatableResponse response = asVardeFinanceOfficer()
                .body("""
                        {"title": "", "amount": -5, "lines": [{"year": 2027, "amount": 1}, {"year": null, "amount": 2}]}
                        """)
                .post(NOTES).then();
        assertProblem(response, 400, "validation")
                .body("errors.field", containsInAnyOrder("amount", "lines[1].year", "title"))
                .body("errors.message", hasItem(containsString("greater than or equal to 0")));
    }

    @Test
    void invalidQueryParameterIsNamed() {
        assertProblem(asVardeFinanceOfficer().queryParam("size", 1000).get(NOTES).then(), 400, "validation")
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void aYesNoParameterIsTrueOrFalseNothingElse() {
        assertProblem(asVardeFinanceOfficer().queryParam("shared", "maybe").get(NOTES).then(), 400, "validation")
                .body("errors[0].field", equalTo("shared"))
                .body("errors[0].message", equalTo("true or false"));
        asVardeFinanceOfficer().queryParam("shared", "TRUE").get(NOTES).then().statusCode(200)
                .body("shared", equalTo("true"));
        asVardeFinanceOfficer().queryParam("shared", "false").get(NOTES).then().statusCode(200)
                .body("shared", equalTo("false"));
        asVardeFinanceOfficer().get(NOTES).then().statusCode(200).body("shared", equalTo("null"));
    }

    @Test
    void enumParametersTakeAnyCaseAndNameTheirValues() {
        asVardeFinanceOfficer().queryParam("kind", "saving").queryParam("kinds", "Expansion,SAVING").get(NOTES).then()
                .statusCode(200).body("kind", equalTo("SAVING")).body("kinds", equalTo("[SAVING, EXPANSION]"));
        assertProblem(asVardeFinanceOfficer().queryParam("kind", "besparelse").get(NOTES).then(), 400, "validation")
                .body("detail", equalTo("kind: 'besparelse' must be one of [SAVING, EXPANSION]"))
                .body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", equalTo("must be one of [SAVING, EXPANSION]"));
        // the list filter says it the same way
        assertProblem(asVardeFinanceOfficer().queryParam("kinds", "saving,nope").get(NOTES).then(), 400, "validation")
                .body("detail", equalTo("kinds: 'nope' must be one of [SAVING, EXPANSION]"))
                .body("errors[0].field", equalTo("kinds"));
    }

    @Test
    void parameterOfTheWrongTypeIs400NotABare404() {
        assertProblem(asVardeFinanceOfficer().queryParam("size", "ten").get(NOTES).then(), 400, "validation")
                .body("detail", equalTo("size: 'ten' must be a whole number"))
                .body("errors[0].field", equalTo("size")).body("errors[0].message", equalTo("must be a whole number"));
        assertProblem(asVardeFinanceOfficer().get(NOTES + "/seven").then(), 400, "validation")
                .body("detail", equalTo("id: 'seven' must be a whole number"))
                .body("errors[0].field", equalTo("id"))
                .body("detail", not(containsString("For input string")))
                .body("detail", not(containsString("java.")));
        assertProblem(asVardeFinanceOfficer().get(NOTES + "/99999999999999999999").then(), 400, "validation")
                .body("detail", equalTo("id: '99999999999999999999' is too large"));
    }

    @Test
    void malformedJsonIsABadRequestWithItsPosition() {
        assertProblem(asVardeFinanceOfficer().body("{\"title\": \"x\", ").post(NOTES).then(), 400, "malformed-request")
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void wrongTypeNamesTheField() {
        assertProblem(asVardeFinanceOfficer().body("{\"title\": \"x\", \"amount\": \"lots\"}").post(NOTES).then(), 400,
                "validation")
                .body("errors[0].field", equalTo("amount"))
                .body("errors[0].message", containsString("number"));
    }

    @Test
    void valuesAreNotConvertedToTheFieldsType() {
        assertProblem(asVardeFinanceOfficer().body("{\"title\": 12345, \"amount\": 1}").post(NOTES).then(), 400,
                "validation")
                .body("errors[0].field", equalTo("title"))
                .body("errors[0].message", containsString("string"));
        assertProblem(asVardeFinanceOfficer().body("{\"title\": true, \"amount\": 1}").post(NOTES).then(), 400,
                "validation")
                .body("errors[0].field", equalTo("title"));
        assertProblem(asVardeFinanceOfficer().body("{\"title\": \"x\", \"amount\": \"1000000\"}").post(NOTES).then(),
                400, "validation")
                .body("errors[0].field", equalTo("amount"))
                .body("errors[0].message", containsString("number"));
        assertProblem(asVardeFinanceOfficer().body("{\"title\": \"x\", \"amount\": 1, \"lines\": [{\"year\": \"2027\","
                + " \"amount\": 1}]}").post(NOTES).then(), 400, "validation")
                .body("errors[0].field", equalTo("lines[0].year"));
        asVardeFinanceOfficer().body("{\"title\": \"x\", \"amount\": 1000000}").post(NOTES).then().statusCode(201);
    }

    @Test
    void aDateOutsideTheYears1To9999IsNamedNotStoredShiftedOrA500() {
        for (String due : new String[] { "+999999999-12-31", "-999999999-01-01", "0000-01-01", "-0001-06-15",
                "+10000-01-01" }) {
            assertProblem(asVardeFinanceOfficer().body("{\"title\": \"x\", \"amount\": 1, \"due\": \"" + due + "\"}")
                    .post(NOTES).then(), 400, "validation")
                    .body("errors[0].field", equalTo("due"))
                    .body("errors[0].message", equalTo("must be " + DateRange.MESSAGE));
        }
        assertProblem(asVardeFinanceOfficer().body("{\"title\": \"x\", \"amount\": 1,"
                + " \"seenAt\": \"-5000-01-01T00:00:00Z\"}").post(NOTES).then(), 400, "validation")
                .body("errors[0].field", equalTo("seenAt"));
        asVardeFinanceOfficer().body("{\"title\": \"x\", \"amount\": 1, \"due\": \"0001-01-01\","
                + " \"seenAt\": \"9999-12-31T23:59:59Z\"}").post(NOTES).then().statusCode(201);
    }

    @Test
    void aFractionForAWholeNumberSaysSo() {
        assertProblem(asVardeFinanceOfficer().body("{\"title\": \"x\", \"amount\": -100000.0}").post(NOTES).then(),
                400, "validation")
                .body("errors[0].field", equalTo("amount"))
                .body("errors[0].message", equalTo("cannot be read as a whole number"));
    }

    @Test
    void aMissingBodyIsAskedForAsTheBodyNotByItsJavaName() {
        for (String body : new String[] { "", "null" }) {
            assertProblem(asVardeFinanceOfficer().body(body).post(NOTES).then(), 400, "validation")
                    .body("errors[0].field", equalTo("body"))
                    .body("errors[0].message", containsString("send the request's body"))
                    .body("detail", not(containsString("request:")));
        }
        assertProblem(asVardeFinanceOfficer().queryParam("size", 1000).get(NOTES).then(), 400, "validation")
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void aFieldNamedTwiceIsRefusedNotTheLastOneTaken() {
        assertProblem(asVardeFinanceOfficer().body("{\"title\": \"a\", \"title\": \"b\", \"amount\": 1}").post(NOTES)
                .then(), 400, "malformed-request")
                .body("detail", containsString("names a field twice: 'title'"));
    }

    @Test
    void aBodyBrokenOffInsideAFieldIsNotValidJsonAndATooLargeNumberIsNamed() {
        assertProblem(asVardeFinanceOfficer().body("{\"title\": \"x\", \"amount\": 1, \"lines\": [").post(NOTES).then(),
                400, "malformed-request")
                .body("detail", containsString("not valid JSON"));
        assertProblem(asVardeFinanceOfficer().body("{\"title\": \"x\", \"amount\": 100000000000000000000}").post(NOTES)
                .then(), 400, "validation")
                .body("errors[0].field", equalTo("amount"))
                .body("errors[0].message", containsString("too large"))
                .body("errors[0].message", containsString("±9223372036854775807"));
        // a year is an int: the limit named is the int's, not a long's
        assertProblem(asVardeFinanceOfficer().body("{\"title\": \"x\", \"amount\": 1, \"lines\": [{\"year\": 2147483648,"
                + " \"amount\": 1}]}").post(NOTES).then(), 400, "validation")
                .body("errors[0].field", equalTo("lines[0].year"))
                .body("errors[0].message", containsString("at most ±2147483647;"));
    }

    @Test
    void validJsonOfTheWrongShapeSaysWhatTheBodyMustBe() {
        assertProblem(asVardeFinanceOfficer().body("[]").post(NOTES).then(), 400, "malformed-request")
                .body("detail", containsString("must be JSON: an object"))
                .body("detail", not(containsString("not valid JSON")));
    }

    @Test
    void unknownFieldIsRejected() {
        assertProblem(asVardeFinanceOfficer().body("{\"title\": \"x\", \"amount\": 1, \"titel\": \"typo\"}").post(NOTES)
                .then(), 400, "validation")
                .body("errors[0].field", equalTo("titel"))
                .body("errors[0].message", equalTo("unknown field"));
    }

    @Test
    void nulCharacterInAJsonStringNamesTheFieldAndWritesNothing() {
        assertProblem(asVardeFinanceOfficer().body("{\"title\": \"Video\\u0000besøg\", \"amount\": 1}").post(NOTES)
                .then(), 400, "validation")
                .body("errors[0].field", equalTo("title"))
                .body("errors[0].message", containsString("control characters"));
        assertProblem(asVardeFinanceOfficer().body("{\"title\": \"x\", \"amount\": 1, \"lines\": []}")
                .queryParam("unused", "a\u0001b").post(NOTES).then(), 400, "validation")
                .body("errors[0].field", equalTo("unused"));
    }

    /** Walk 5: titles of only a no-break or zero-width space passed @NotBlank; a right-to-left override too. */
    @Test
    void aTextThatOnlyLooksBlankOrReadsBackwardsIsRefused() {
        for (String title : java.util.List.of("\\u00a0", "\\u200b", " \\u2007\\ufeff ")) {
            assertProblem(asVardeFinanceOfficer().body("{\"title\": \"" + title + "\", \"amount\": 1}").post(NOTES)
                    .then(), 400, "validation")
                    .body("errors[0].field", equalTo("title"))
                    .body("errors[0].message", containsString("visible text"));
        }
        assertProblem(asVardeFinanceOfficer().body("{\"title\": \"Gebyr \\u202e0001 kr.\", \"amount\": 1}")
                .post(NOTES).then(), 400, "validation")
                .body("errors[0].field", equalTo("title"))
                .body("errors[0].message", containsString("control characters"));
        asVardeFinanceOfficer().body("{\"title\": \"Ældre\\u00a0og\\u200bsundhed\", \"amount\": 1}").post(NOTES)
                .then().statusCode(201);
    }

    @Test
    void tabsAndLineBreaksAreOrdinaryText() {
        asVardeFinanceOfficer().body("{\"title\": \"To\\tlinjer\\r\\nher\", \"amount\": 1}").post(NOTES).then()
                .statusCode(201);
    }

    @Test
    void nulCharacterInAQueryParameterIs400() {
        assertProblem(asVardeFinanceOfficer().urlEncodingEnabled(false).get(NOTES + "?size=%00").then(), 400, "validation")
                .body("errors[0].field", equalTo("size"))
                .body("errors[0].message", containsString("control characters"));
    }

    @Test
    void nulCharacterInAPathParameterIs400() {
        assertProblem(asVardeFinanceOfficer().urlEncodingEnabled(false).get("/api/v1/municipalities/57%003/notes")
                .then(), 400, "validation")
                .body("errors[0].field", equalTo("path"))
                .body("errors[0].message", containsString("control characters"));
    }

    @Test
    void missingResourceIs404() {
        assertProblem(asVardeFinanceOfficer().get(NOTES + "/42").then(), 404, "not-found")
                .body("detail", equalTo("Note 42 does not exist"))
                .body("resource", equalTo("Note"))
                .body("instance", equalTo(NOTES + "/42"));
    }

    @Test
    void unknownRouteIs404() {
        assertProblem(asVardeFinanceOfficer().get("/api/v1/no-such-thing").then(), 404, "not-found");
    }

    @Test
    void optionsTellsTheMethodsOfItsPath() {
        asVardeFinanceOfficer().options(NOTES).then().statusCode(200).header("Allow", "GET, HEAD, OPTIONS, POST");
        asVardeFinanceOfficer().options(NOTES + "/1").then().statusCode(200).header("Allow", "GET, HEAD, OPTIONS, PUT");
    }

    @Test
    void wrongMethodIs405WithAllow() {
        assertProblem(asVardeFinanceOfficer().delete(NOTES + "/rule").then(), 405, "method-not-allowed")
                .header("Allow", "GET, HEAD, OPTIONS, POST, PUT");
        assertProblem(asVardeFinanceOfficer().delete(NOTES).then(), 405, "method-not-allowed")
                .header("Allow", "GET, HEAD, OPTIONS, POST");
        assertProblem(asVardeFinanceOfficer().delete(NOTES + "/1").then(), 405, "method-not-allowed")
                .header("Allow", "GET, HEAD, OPTIONS, PUT")
                .body("detail", equalTo("DELETE is not supported on " + NOTES + "/1; allowed: GET, HEAD, OPTIONS, PUT"));
    }

    @Test
    void wrongMethodOnAPathServedByASecondResourceClassIs405NotA404() {
        assertProblem(asVardeFinanceOfficer().post(NOTES + "/1/attachments").then(), 405, "method-not-allowed")
                .header("Allow", "GET, HEAD, OPTIONS");
        asVardeFinanceOfficer().get(NOTES + "/1/attachments").then().statusCode(200);
        assertProblem(asVardeFinanceOfficer().post(NOTES + "/1/no-such-thing").then(), 404, "not-found");
    }

    @Test
    void wrongContentTypeIs415() {
        assertProblem(asVardeFinanceOfficer().contentType(ContentType.XML).body("<note/>").post(NOTES).then(), 415,
                "unsupported-media-type");
    }

    @Test
    void brokenBusinessRuleIs422WithTheRule() {
        assertProblem(asVardeFinanceOfficer().post(NOTES + "/rule").then(), 422, "business-rule")
                .body("rule", equalTo("saving-creates-room"));
    }

    @Test
    void conflictIs409() {
        assertProblem(asVardeFinanceOfficer().post(NOTES + "/conflict").then(), 409, "conflict")
                .body("detail", equalTo("Catalog 2027 is locked"));
    }

    @Test
    void staleIfMatchIs412AndCurrentVersionIsServed() {
        asVardeFinanceOfficer().get(NOTES + "/1").then().statusCode(200).header("ETag", "\"7\"");
        assertProblem(asVardeFinanceOfficer().header("If-Match", "\"6\"").body("{\"title\": \"x\", \"amount\": 1}")
                .put(NOTES + "/1").then(), 412, "precondition-failed")
                .body("currentVersion", equalTo(7));
        asVardeFinanceOfficer().header("If-Match", "\"7\"").body("{\"title\": \"x\", \"amount\": 1}")
                .put(NOTES + "/1").then().statusCode(200);
    }

    @Test
    void unexpectedErrorIs500WithCorrelationIdAndNoInternals() {
        ValidatableResponse response = asVardeFinanceOfficer().header("X-Request-Id", "trace-me-123")
                .post(NOTES + "/boom").then();
        assertProblem(response, 500, "internal")
                .header("X-Request-Id", "trace-me-123")
                .body("correlationId", equalTo("trace-me-123"))
                .body("detail", containsString("trace-me-123"))
                .body(not(containsString("secret internal detail")))
                .body(not(containsString("IllegalStateException")))
                .body(not(containsString("at dk.raaderum")));
    }

    @Test
    void aSaturatedOrUnreachableDatabaseIs503WithRetryAfter() {
        for (String path : List.of("/busy", "/connecting", "/unreachable")) {
            assertProblem(asVardeFinanceOfficer().post(NOTES + path).then(), 503, "service-unavailable")
                    .header("Retry-After", "2")
                    .body("detail", containsString("Retry"))
                    .body(not(containsString("localhost:5432")));
        }
    }

    @Test
    void everyAnswerCarriesARequestId() {
        String generated = asVardeFinanceOfficer().get(NOTES + "/42").then().statusCode(404)
                .extract().header("X-Request-Id");
        asVardeFinanceOfficer().get(NOTES + "/42").then().body("correlationId", not(equalTo(generated)));
        org.junit.jupiter.api.Assertions.assertFalse(generated == null || generated.isBlank());
    }
}

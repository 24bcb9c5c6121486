package dk.raaderum.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

/** The breaking-change check of the API contract, on small documents (OpenApiContractIT applies it to the platform). */
class ApiContractTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    /** A document of one or two operations; {@code proposal} is the response schema's extra properties. */
    private static String api(String version, String operations, String proposal, String required) {
        return """
                {"openapi": "3.1.0", "info": {"title": "t", "version": "%s"},
                 "paths": {%s},
                 "components": {"schemas": {
                   "Proposal": {"type": "object", "properties": {"id": {"type": "integer"}%s}},
                   "NewProposal": {"type": "object", "required": [%s],
                                   "properties": {"title": {"type": "string"}, "owner": {"type": "string"}}}}}}
                """.formatted(version, operations, proposal, required);
    }

    private static final String GET = """
            "/api/v1/proposals/{id}": {"get": {%s"parameters": [{"name": "id", "in": "path", "required": true,
              "schema": {"type": "integer"}}], "responses": {"200": {"description": "ok", "content":
              {"application/json": {"schema": {"$ref": "#/components/schemas/Proposal"}}}}}}}""";
    private static final String POST = """
            "/api/v1/proposals": {"post": {"requestBody": {"content": {"application/json": {"schema":
              {"$ref": "#/components/schemas/NewProposal"}}}}, "responses": {"201": {"description": "created"}}}}""";

    private static String both(String getExtras) {
        return GET.formatted(getExtras) + ", " + POST;
    }

    @Test
    void aRemovedOperationBreaksClients() {
        ApiContract.Changes changes = ApiContract.compare(api("1.0.0", both(""), "", "\"title\""),
                api("1.0.0", POST, "", "\"title\""), TODAY);
        assertEquals(List.of("removed GET /api/v1/proposals/{id}"), changes.breaking());
    }

    @Test
    void aRemovedResponseFieldAndANewRequiredFieldBreakClients() {
        String before = api("1.0.0", both(""), ", \"title\": {\"type\": \"string\"}", "\"title\"");
        String after = api("1.0.0", both(""), "", "\"title\", \"owner\"");
        ApiContract.Changes changes = ApiContract.compare(before, after, TODAY);
        assertEquals(List.of("changed incompatibly GET /api/v1/proposals/{id}",
                "changed incompatibly POST /api/v1/proposals"), changes.breaking().stream().sorted().toList());
        assertTrue(changes.report().contains("/api/v1/proposals"), changes.report());
    }

    @Test
    void aNewOptionalResponseFieldAndANewOperationBreakNothing() {
        ApiContract.Changes changes = ApiContract.compare(api("1.0.0", GET.formatted(""), "", "\"title\""),
                api("1.0.0", both(""), ", \"title\": {\"type\": \"string\"}", "\"title\""), TODAY);
        assertEquals(List.of(), changes.breaking());
    }

    @Test
    void aDeprecatedOperationMayGoOnlyAfterItsSunset() {
        String deprecated = both("\"deprecated\": true, \"x-sunset\": \"2026-12-01\", ");
        assertEquals(List.of(), ApiContract.compare(api("1.0.0", deprecated, "", "\"title\""),
                api("1.0.0", POST, "", "\"title\""), TODAY).breaking());
        assertEquals(List.of("removed GET /api/v1/proposals/{id}"), ApiContract.compare(
                api("1.0.0", deprecated, "", "\"title\""), api("1.0.0", POST, "", "\"title\""),
                LocalDate.of(2026, 11, 30)).breaking());
    }

    @Test
    void aNewMajorVersionMayBreak() {
        ApiContract.Changes changes = ApiContract.compare(api("1.0.0", both(""), "", "\"title\""),
                api("2.0.0", POST, "", "\"title\""), TODAY);
        assertEquals(List.of(), changes.breaking());
        assertEquals(List.of("removed GET /api/v1/proposals/{id}"), changes.allowed());
    }

    @Test
    void theStableFormSortsKeysAndDropsTheServers() {
        assertEquals("""
                {
                  "a" : 1,
                  "b" : {
                    "c" : [ 2, 1 ],
                    "d" : true
                  }
                }
                """, ApiContract.stable("{\"servers\": [{\"url\": \"http://x\"}], \"b\": {\"d\": true, \"c\": [2, 1]},"
                + " \"a\": 1}"));
    }
}

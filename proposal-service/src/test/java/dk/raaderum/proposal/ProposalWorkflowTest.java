package dk.raaderum.proposal;

import static dk.raaderum.platform.testing.ProblemAssertions.assertProblem;
import static dk.raaderum.proposal.support.Api.adopt;
import static dk.raaderum.proposal.support.Api.advance;
import static dk.raaderum.proposal.support.Api.as;
import static dk.raaderum.proposal.support.Api.base;
import static dk.raaderum.proposal.support.Api.createCatalog;
import static dk.raaderum.proposal.support.Api.createProposal;
import static dk.raaderum.proposal.support.Api.move;
import static dk.raaderum.proposal.support.Api.postProposal;
import static dk.raaderum.proposal.support.Api.presented;
import static dk.raaderum.proposal.support.Api.proposal;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.raaderum.platform.testing.ScrapedMetrics;
import dk.raaderum.proposal.service.CatalogSnapshots;
import dk.raaderum.proposal.support.Users;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** The workflow, allowed and forbidden by role, with its history, the budget agreement and visibility. */
@QuarkusTest
class ProposalWorkflowTest {

    private static final String M = "155";
    private static final AtomicInteger YEAR = new AtomicInteger(2040);

    private static Map<String, Object> efficiency(int year, String title) {
        return proposal("ÆLD", "EFFICIENCY", title, year, -100_000, -200_000, -200_000, -200_000);
    }

    private static Map<String, Object> partyProposal(int year, String party, String title) {
        Map<String, Object> body = proposal("SKO", "EXPANSION", title, year, 300_000, 300_000, 300_000, 300_000);
        body.put("origin", Map.of("kind", "POLITICAL_PARTY", "party", party));
        return body;
    }

    @Test
    void theWholePathIsRecordedStepByStep() {
        int year = YEAR.addAndGet(2);
        long catalog = createCatalog(M, year);
        long id = createProposal(M, catalog, efficiency(year, "Videobesøg"));
        advance(M, id, "SUBMIT", "QUALIFY", "RETURN_TO_DRAFT", "SUBMIT", "QUALIFY", "PRESENT");
        as(Users.financeOfficer(M)).get(base(M) + "/proposals/" + id + "/transitions").then().statusCode(200)
                .body("to", contains(List.of("DRAFT", "SUBMITTED", "QUALIFIED", "DRAFT", "SUBMITTED", "QUALIFIED",
                        "PRESENTED").toArray()))
                .body("from[0]", equalTo(null))
                .body("from[3]", equalTo("QUALIFIED"))
                .body("actor", everyItem(equalTo("Finans " + M)))
                .body("comment[6]", equalTo("test: PRESENT"));
        as(Users.financeOfficer(M)).get(base(M) + "/proposals/" + id).then().body("status", equalTo("PRESENTED"));
    }

    @Test
    void stepsThatTheWorkflowDoesNotAllowAreConflicts() {
        int year = YEAR.addAndGet(2);
        long id = createProposal(M, createCatalog(M, year), efficiency(year, "Springer over"));
        assertProblem(move(Users.financeOfficer(M), M, id, "PRESENT"), 409, "invalid-transition");
        assertProblem(move(Users.financeOfficer(M), M, id, "ADOPT"), 409, "invalid-transition");
        advance(M, id, "WITHDRAW");
        assertProblem(move(Users.financeOfficer(M), M, id, "SUBMIT"), 409, "invalid-transition");
    }

    @Test
    void politiciansWriteSubmitAndWithdrawOnlyForTheirOwnParty() {
        int year = YEAR.addAndGet(2);
        long catalog = createCatalog(M, year);
        String venstre = Users.politician(M, "Venstre");
        long id = postProposal(venstre, M, catalog, partyProposal(year, "Venstre", "Gratis frugt")).statusCode(201)
                .extract().jsonPath().getLong("id");
        assertProblem(postProposal(venstre, M, catalog, partyProposal(year, "Enhedslisten", "Andres forslag")), 403,
                "forbidden");
        assertProblem(postProposal(venstre, M, catalog, efficiency(year, "Som administrationen")), 403, "forbidden");

        String socialdemokratiet = Users.politician(M, "Socialdemokratiet");
        assertProblem(move(socialdemokratiet, M, id, "SUBMIT"), 404, "not-found"); // another party's draft is invisible
        move(venstre, M, id, "SUBMIT").statusCode(200).body("status", equalTo("SUBMITTED"));
        assertProblem(move(venstre, M, id, "QUALIFY"), 403, "forbidden");
        move(venstre, M, id, "WITHDRAW").statusCode(200).body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void onlyFinanceOfficersQualifyPresentAdoptAndReject() {
        int year = YEAR.addAndGet(2);
        long catalog = createCatalog(M, year);
        String venstre = Users.politician(M, "Venstre");
        long own = postProposal(venstre, M, catalog, partyProposal(year, "Venstre", "Flere pædagoger")).statusCode(201)
                .extract().jsonPath().getLong("id");
        move(venstre, M, own, "SUBMIT").statusCode(200);
        for (String action : List.of("QUALIFY")) {
            assertProblem(move(venstre, M, own, action), 403, "forbidden");
        }
        advance(M, own, "QUALIFY", "PRESENT");
        for (String action : List.of("ADOPT", "REJECT")) {
            assertProblem(move(venstre, M, own, action), 403, "forbidden");
            assertProblem(move(Users.machine(M), M, own, action), 403, "forbidden");
        }
        move(Users.financeOfficer(M), M, own, "REJECT").statusCode(200).body("status", equalTo("REJECTED"));
    }

    @Test
    void machineClientsReadAndCreateButDoNotDecide() {
        int year = YEAR.addAndGet(2);
        long catalog = createCatalog(M, year);
        String system = Users.machine(M);
        long id = postProposal(system, M, catalog, efficiency(year, "Fra budgetsystemet")).statusCode(201)
                .extract().jsonPath().getLong("id");
        move(system, M, id, "SUBMIT").statusCode(200);
        assertProblem(move(system, M, id, "QUALIFY"), 403, "forbidden");
        as(system).get(base(M) + "/proposals/" + id).then().statusCode(200);
        assertProblem(as(system).body(efficiency(year, "Ændret")).put(base(M) + "/proposals/" + id).then(), 403,
                "forbidden");
    }

    @Test
    void programOwnersReadButDoNotWrite() {
        int year = YEAR.addAndGet(2);
        long catalog = createCatalog(M, year);
        long id = createProposal(M, catalog, efficiency(year, "Læses af ejer"));
        advance(M, id, "SUBMIT");
        as(Users.programOwner(M)).get(base(M) + "/proposals/" + id).then().statusCode(200);
        assertProblem(postProposal(Users.programOwner(M), M, catalog, efficiency(year, "Ejerens")), 403, "forbidden");
        assertProblem(move(Users.programOwner(M), M, id, "QUALIFY"), 403, "forbidden");
    }

    @Test
    void politiciansSeeWhatIsPresentedAndTheirPartysOwn() {
        int year = YEAR.addAndGet(2);
        long catalog = createCatalog(M, year);
        long draft = createProposal(M, catalog, efficiency(year, "Administrationens kladde"));
        long shown = presented(M, catalog, efficiency(year, "Fremlagt forslag"));
        String venstre = Users.politician(M, "Venstre");
        long own = postProposal(venstre, M, catalog, partyProposal(year, "Venstre", "Partiets kladde")).statusCode(201)
                .extract().jsonPath().getLong("id");

        as(venstre).get(base(M) + "/catalogs/" + catalog + "/proposals").then().statusCode(200)
                .body("items.id", containsInAnyOrder((int) shown, (int) own))
                .body("total", equalTo(2));
        assertProblem(as(venstre).get(base(M) + "/proposals/" + draft).then(), 404, "not-found");
        as(Users.politician(M, "Enhedslisten")).get(base(M) + "/catalogs/" + catalog + "/proposals").then()
                .body("items.id", contains((int) shown));
    }

    @Test
    void klCuratorsSeePresentedAndAdoptedProposalsOfEveryMunicipalityButNeverDrafts() {
        int year = YEAR.addAndGet(2);
        long catalog = createCatalog(M, year);
        long draft = createProposal(M, catalog, efficiency(year, "Ikke for KL"));
        long qualified = createProposal(M, catalog, efficiency(year, "Heller ikke for KL"));
        advance(M, qualified, "SUBMIT", "QUALIFY");
        long shown = presented(M, catalog, efficiency(year, "Til KL"));
        String kl = Users.klCurator();
        as(kl).get(base(M) + "/catalogs/" + catalog + "/proposals").then().statusCode(200)
                .body("items.id", contains((int) shown));
        as(kl).get(base(M) + "/proposals/" + shown).then().statusCode(200);
        assertProblem(as(kl).get(base(M) + "/proposals/" + draft).then(), 404, "not-found");
        assertProblem(as(kl).get(base(M) + "/proposals/" + qualified).then(), 404, "not-found");
        assertProblem(postProposal(kl, M, catalog, efficiency(year, "KL skriver")), 403, "forbidden");
    }

    @Test
    void anotherMunicipalitysUsersGetNothing() {
        int year = YEAR.addAndGet(2);
        long catalog = createCatalog(M, year);
        long id = presented(M, catalog, efficiency(year, "Kun for 155"));
        String halsnaes = Users.financeOfficer("260");
        for (String path : List.of("/proposals/" + id, "/proposals/" + id + "/transitions", "/proposals/" + id + "/similar",
                "/catalogs/" + catalog + "/proposals", "/catalogs/" + catalog + "/summary")) {
            assertProblem(as(halsnaes).get(base(M) + path).then(), 403, "wrong-municipality");
        }
        assertProblem(move(halsnaes, M, id, "REJECT"), 403, "wrong-municipality");
        assertProblem(as(halsnaes).get(base("260") + "/proposals/" + id).then(), 404, "not-found");
        assertProblem(move(Users.machine("260"), "260", id, "SUBMIT"), 404, "not-found");
    }

    @Test
    void theBudgetAgreementAdoptsTheChosenAndRejectsTheOtherPresentedProposals() {
        int year = YEAR.addAndGet(2);
        long catalog = createCatalog(M, year);
        long a = presented(M, catalog, efficiency(year, "Vedtages"));
        long b = presented(M, catalog, efficiency(year, "Forkastes"));
        long c = presented(M, catalog, efficiency(year, "Vedtages også"));
        long draft = createProposal(M, catalog, efficiency(year, "Bliver kladde"));

        assertProblem(adopt(M, catalog, List.of(a, draft)), 422, "business-rule").body("rule", equalTo("adopt-presented"))
                .body("errors.message", hasItem(draft + " is not a presented proposal of this catalog"));
        as(Users.financeOfficer(M)).get(base(M) + "/proposals/" + a).then().body("status", equalTo("PRESENTED"));
        // a proposal named twice is a mistake in the agreement, not the same as naming it once
        assertProblem(adopt(M, catalog, List.of(a, a)), 400, "validation")
                .body("errors[0].field", equalTo("adoptedProposalIds"));
        assertProblem(as(Users.financeOfficer(M)).body(Map.of("proposalIds", List.of(c, a, c)))
                .post(base(M) + "/catalogs/" + catalog + "/simulations").then(), 400, "validation")
                .body("errors[0].field", equalTo("proposalIds"));
        as(Users.financeOfficer(M)).get(base(M) + "/catalogs/" + catalog).then().body("status", equalTo("OPEN"));

        adopt(M, catalog, List.of(a, c)).statusCode(200)
                .body("adopted", containsInAnyOrder((int) a, (int) c))
                .body("rejected", contains((int) b))
                .body("status", equalTo("ADOPTED"));
        as(Users.financeOfficer(M)).get(base(M) + "/proposals/" + b).then().body("status", equalTo("REJECTED"));
        as(Users.financeOfficer(M)).get(base(M) + "/proposals/" + draft).then().body("status", equalTo("DRAFT"));
        as(Users.financeOfficer(M)).get(base(M) + "/catalogs/" + catalog).then().body("status", equalTo("ADOPTED"));
        assertProblem(adopt(M, catalog, List.of()), 409, "catalog-closed");
        assertProblem(move(Users.financeOfficer(M), M, draft, "SUBMIT"), 409, "catalog-closed");
        assertProblem(adopt("155", catalog + 1_000_000, List.of()), 404, "not-found");
        assertProblem(as(Users.politician(M, "Venstre")).body(Map.of("adoptedProposalIds", List.of()))
                .post(base(M) + "/catalogs/" + catalog + "/adoption").then(), 403, "forbidden");
    }

    @Test
    void concurrentEditsAreDetected() {
        int year = YEAR.addAndGet(2);
        long id = createProposal(M, createCatalog(M, year), efficiency(year, "Redigeres"));
        String path = base(M) + "/proposals/" + id;
        String etag = as(Users.financeOfficer(M)).get(path).then().statusCode(200).extract().header("ETag");
        as(Users.financeOfficer(M)).header("If-Match", etag).body(efficiency(year, "Første ændring")).put(path).then()
                .statusCode(200).body("title", equalTo("Første ændring"));
        assertProblem(as(Users.financeOfficer(M)).header("If-Match", etag).body(efficiency(year, "Anden ændring"))
                .put(path).then(), 412, "precondition-failed");
        Map<String, Object> stale = efficiency(year, "Tredje ændring");
        stale.put("version", 0);
        assertProblem(as(Users.financeOfficer(M)).body(stale).put(path).then(), 409, "concurrent-modification");
        assertProblem(as(Users.financeOfficer(M)).header("If-Match", etag).body(Map.of("action", "SUBMIT"))
                .post(path + "/transitions").then(), 412, "precondition-failed");
        as(Users.financeOfficer(M)).get(path).then().body("title", equalTo("Første ændring"));
        // a step answers the new ETag, so the next change can name it without reading the proposal again
        String current = as(Users.financeOfficer(M)).get(path).then().extract().header("ETag");
        String afterStep = as(Users.financeOfficer(M)).header("If-Match", current).body(Map.of("action", "SUBMIT"))
                .post(path + "/transitions").then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .extract().header("ETag");
        assertEquals(as(Users.financeOfficer(M)).get(path).then().extract().header("ETag"), afterStep);
        as(Users.financeOfficer(M)).header("If-Match", afterStep).body(Map.of("action", "QUALIFY"))
                .post(path + "/transitions").then().statusCode(200).body("status", equalTo("QUALIFIED"));
    }

    @Test
    void listsFilterSortAndPage() {
        int year = YEAR.addAndGet(2);
        long catalog = createCatalog(M, year);
        createProposal(M, catalog, proposal("ÆLD", "SAVING", "Hjemmepleje A", year, -1_000, -1_000, -1_000, -1_000));
        createProposal(M, catalog, proposal("SKO", "EFFICIENCY", "Skoleadministration", year, -5_000, -5_000, -5_000, -5_000));
        createProposal(M, catalog, proposal("ÆLD", "EXPANSION", "Hjemmepleje B", year, 2_000, 2_000, 2_000, 2_000));
        String list = base(M) + "/catalogs/" + catalog + "/proposals";
        String fo = Users.financeOfficer(M);
        as(fo).get(list + "?area=ÆLD&sort=-netTotal").then().statusCode(200)
                .body("items.title", contains("Hjemmepleje B", "Hjemmepleje A"))
                .body("items[0].number", equalTo("ÆLD-02"))
                .body("items[0].type", equalTo("EXPANSION"))
                .body("items[0].status", equalTo("DRAFT"))
                .body("items[0].netChange.year", contains(year, year + 1, year + 2, year + 3))
                .body("items[0].netChange.amount", contains(2_000, 2_000, 2_000, 2_000))
                .body("items[0].netTotal", equalTo(8_000))
                .body("items[1].netChange.amount", contains(-1_000, -1_000, -1_000, -1_000));
        as(fo).get(list + "?type=SAVING,EFFICIENCY&sort=netTotal").then()
                .body("items.title", contains("Skoleadministration", "Hjemmepleje A"));
        as(fo).get(list + "?committee=Børne- og Skoleudvalget").then().body("items.title", contains("Skoleadministration"));
        as(fo).get(list + "?q=hjemmepleje&size=1&page=1&sort=title").then()
                .body("items.title", contains("Hjemmepleje B")).body("total", equalTo(2)).body("size", equalTo(1));
        as(fo).get(list + "?status=DRAFT&origin=ADMINISTRATION").then().body("total", equalTo(3));
        as(fo).get(list + "?size=2&page=1").then().body("items", hasSize(1)).body("total", equalTo(3));
        as(fo).get(list + "?size=2&page=9").then().body("items", hasSize(0)).body("total", equalTo(3));
        as(fo).get(list + "?q=nothing-like-this").then().body("items", hasSize(0)).body("total", equalTo(0));
        assertProblem(as(fo).get(list + "?type=BESPARELSE").then(), 400, "validation").body("errors[0].field",
                equalTo("type"));
        assertProblem(as(fo).get(list + "?sort=price").then(), 400, "validation");
        assertProblem(as(fo).get(list + "?size=501").then(), 400, "validation");
        as(fo).get(list + "?status=WITHDRAWN").then().body("total", equalTo(0));
    }
    @Test
    void textsSortAndMatchTheDanishWay() {
        int year = YEAR.addAndGet(2);
        long catalog = createCatalog(M, year);
        for (String title : List.of("Åbningstider på biblioteket", "Ældrecenter Solgården", "Zoneinddeling",
                "Økologisk madordning", "Aftenskole")) {
            createProposal(M, catalog, proposal("SKO", "EFFICIENCY", title, year, -1_000, -1_000, -1_000, -1_000));
        }
        String list = base(M) + "/catalogs/" + catalog + "/proposals";
        String fo = Users.financeOfficer(M);
        // Danish alphabet: ... X Y Z Æ Ø Å
        as(fo).get(list + "?sort=title").then().statusCode(200).body("items.title", contains("Aftenskole",
                "Zoneinddeling", "Ældrecenter Solgården", "Økologisk madordning", "Åbningstider på biblioteket"));
        as(fo).get(list + "?sort=-title").then().body("items.title[0]", equalTo("Åbningstider på biblioteket"));
        as(fo).get(list + "?q=ÆLDRECENTER").then().body("items.title", contains("Ældrecenter Solgården"));
        as(fo).queryParam("q", "på bibliot").get(list).then().body("items.title", contains("Åbningstider på biblioteket"));
        assertProblem(as(fo).queryParam("q", "x".repeat(201)).get(list).then(), 400, "validation")
                .body("errors[0].field", equalTo("q"));
    }

    @Test
    void listsShowEveryChangeAtOnce() {
        int year = YEAR.addAndGet(2);
        long catalog = createCatalog(M, year);
        long id = createProposal(M, catalog, efficiency(year, "Før ændringen"));
        String list = base(M) + "/catalogs/" + catalog + "/proposals";
        String fo = Users.financeOfficer(M);
        as(fo).get(list).then().body("items.title", contains("Før ændringen")).body("items[0].netTotal", equalTo(-700_000));

        Map<String, Object> changed = proposal("ÆLD", "EFFICIENCY", "Efter ændringen", year, -1, -2, -3, -4);
        changed.put("version", as(fo).get(base(M) + "/proposals/" + id).then().extract().path("version"));
        as(fo).body(changed).put(base(M) + "/proposals/" + id).then().statusCode(200);
        as(fo).get(list).then().body("items.title", contains("Efter ændringen"))
                .body("items[0].netChange.amount", contains(-1, -2, -3, -4)).body("items[0].netTotal", equalTo(-10));

        advance(M, id, "SUBMIT");
        as(fo).get(list + "?status=SUBMITTED").then().body("items.title", contains("Efter ændringen"));
        as(fo).get(list + "?status=DRAFT").then().body("total", equalTo(0));

        createProposal(M, catalog, efficiency(year, "Kom til bagefter"));
        as(fo).get(list + "?sort=title").then().body("items.title", contains("Efter ændringen", "Kom til bagefter"));

        // an unchanged catalog is answered from the kept snapshot
        double hits = snapshotHits();
        as(fo).get(list + "?sort=-title").then().body("items.title", contains("Kom til bagefter", "Efter ændringen"));
        assertThat(snapshotHits(), greaterThan(hits));
    }

    /**
     * Requests that arrive together after a change read the catalog's rows once, not once each: at 20,000 proposals
     * each read holds the whole catalog in memory, and a stampede of them ran the service out of heap.
     */
    @Test
    void requestsArrivingTogetherAfterAChangeReadTheCatalogOnce() throws Exception {
        int year = YEAR.addAndGet(2);
        long catalog = createCatalog(M, year);
        for (int i = 0; i < 30; i++) {
            createProposal(M, catalog, efficiency(year, "Forslag " + i));
        }
        String list = base(M) + "/catalogs/" + catalog + "/proposals?size=5&sort=-netTotal";
        String fo = Users.financeOfficer(M);
        double reads = snapshotReads();
        int parallel = 8;
        ExecutorService callers = Executors.newFixedThreadPool(parallel);
        try {
            CyclicBarrier together = new CyclicBarrier(parallel);
            List<Future<Integer>> totals = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                totals.add(callers.submit(() -> {
                    together.await();
                    return as(fo).get(list).then().statusCode(200).extract().<Integer>path("total");
                }));
            }
            for (Future<Integer> total : totals) {
                assertThat(total.get(), equalTo(30));
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(snapshotReads() - reads, equalTo(1.0));
    }

    private static double snapshotReads() {
        double reads = ScrapedMetrics.sum(io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract()
                .asString(), "raaderum_catalog_snapshot_reads_total");
        return Math.max(reads, 0);
    }

    private static double snapshotHits() {
        double hits = ScrapedMetrics.sum(io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract()
                .asString(), "cache_gets_total", "cache=\"" + CatalogSnapshots.CACHE + "\"", "result=\"hit\"");
        if (hits < 0) {
            throw new AssertionError("no catalog-snapshots hit counter in /q/metrics");
        }
        return hits;
    }
}

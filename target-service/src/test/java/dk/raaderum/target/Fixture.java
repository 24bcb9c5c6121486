package dk.raaderum.target;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dk.raaderum.platform.events.CloudEvent;
import dk.raaderum.platform.events.EventType;
import dk.raaderum.platform.events.Events;
import dk.raaderum.platform.events.PolicyAreaRef;
import dk.raaderum.platform.events.YearAmount;
import dk.raaderum.platform.events.proposal.CatalogAdoptedV1;
import dk.raaderum.platform.events.proposal.ProposalAdoptedV1;
import dk.raaderum.platform.events.proposal.ProposalOrigin;
import dk.raaderum.platform.events.proposal.ProposalStatusChangedV1;
import dk.raaderum.platform.testing.KafkaTopics;
import dk.raaderum.platform.testing.TestTokens;
import dk.raaderum.platform.web.municipality.Municipalities;
import dk.raaderum.platform.web.municipality.Municipality;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test data that never collides: every test takes its own municipality and budget year ({@link #fresh()}), so tests
 * share one database and one Kafka without seeing each other. KL tests use budget years 2095–2099, which fresh()
 * never hands out.
 */
public final class Fixture {

    /**
     * Municipalities whose register of policy areas tests set up (the demo data's Ringsted and Varde, and
     * PolicyAreaTest's own): {@link #fresh()} never hands them out, since a register checks every budget of its
     * municipality.
     */
    static final List<String> WITH_REGISTER = List.of("329", "573", "657", "661");
    /**
     * Municipalities that the economic-policy and budget-adjustment tests take for themselves (a policy is one per
     * municipality; adjustments need a register): Halsnæs, Frederikssund, Gribskov, Næstved, Faxe, Stevns.
     */
    static final List<String> OWN = List.of("260", "250", "270", "370", "320", "336");
    private static final List<String> CODES = Municipalities.all().stream().map(Municipality::code)
            .filter(code -> !WITH_REGISTER.contains(code) && !OWN.contains(code)).toList();
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final AtomicLong PROPOSAL_IDS = new AtomicLong(10_000);
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** The ten areas of the demo catalogs: code, name, main account, committee. */
    static final List<Object[]> AREAS = List.of(
            new Object[] { "ÆLD", "Ældreområdet", 5, "Social- og Sundhedsudvalget" },
            new Object[] { "SUN", "Sundhed", 4, "Social- og Sundhedsudvalget" },
            new Object[] { "SOC", "Socialområdet", 5, "Social- og Sundhedsudvalget" },
            new Object[] { "DAG", "Dagtilbud", 5, "Børne- og Skoleudvalget" },
            new Object[] { "SKO", "Skoleområdet", 3, "Børne- og Skoleudvalget" },
            new Object[] { "BOR", "Børn og familie", 5, "Børne- og Skoleudvalget" },
            new Object[] { "BES", "Beskæftigelse", 5, "Beskæftigelsesudvalget" },
            new Object[] { "KUL", "Kultur og fritid", 3, "Kultur- og Fritidsudvalget" },
            new Object[] { "TEK", "Teknik og miljø", 2, "Teknik- og Miljøudvalget" },
            new Object[] { "ADM", "Administration", 6, "Økonomiudvalget" });

    private Fixture() {
    }

    /** A municipality and budget year no other test uses. */
    public record Place(String municipality, int budgetYear) {

        public String base() {
            return "/api/v1/municipalities/" + municipality;
        }

        public String finance() {
            return TestTokens.user("fo-" + municipality).roles("finance-officer").municipality(municipality).token();
        }

        public String politician() {
            return TestTokens.user("pol-" + municipality).roles("politician").municipality(municipality)
                    .claim("party", "Venstre").token();
        }

        public String programOwner() {
            return TestTokens.user("po-" + municipality).roles("program-owner").municipality(municipality).token();
        }

        public String system() {
            return TestTokens.client("budget-system-" + municipality).roles("municipal-system").municipality(municipality)
                    .token();
        }

        public RequestSpecification asFinance() {
            return given().auth().oauth2(finance()).contentType(ContentType.JSON);
        }

        public List<Integer> years() {
            return List.of(budgetYear, budgetYear + 1, budgetYear + 2, budgetYear + 3);
        }
    }

    public static Place fresh() {
        int i = NEXT.getAndIncrement();
        return new Place(CODES.get(i % CODES.size()), 2030 + i / CODES.size());
    }

    public static Place at(String municipality, int budgetYear) {
        return new Place(municipality, budgetYear);
    }

    /** Adds the codes to the municipality's register of policy areas where it lacks them (demo names where known). */
    public static void register(Place place, java.util.Collection<String> codes) {
        for (String code : codes) {
            if (given().auth().oauth2(place.finance()).get(place.base() + "/policy-areas/" + code).statusCode() == 404) {
                PolicyAreaRef area = area(code);
                place.asFinance().body(Map.of("name", area.name(), "mainAccount", area.mainAccount(), "committee",
                        area.committee())).put(place.base() + "/policy-areas/" + code).then().statusCode(201);
            }
        }
    }

    public static long proposalId() {
        return PROPOSAL_IDS.incrementAndGet();
    }

    /** A budget import body: each area with the same amount in all four years. */
    public static Map<String, Object> budget(Place place, Map<String, Long> amounts) {
        List<Map<String, Object>> areas = new ArrayList<>();
        for (Map.Entry<String, Long> entry : amounts.entrySet()) {
            Object[] known = AREAS.stream().filter(a -> a[0].equals(entry.getKey())).findFirst()
                    .orElse(new Object[] { entry.getKey(), "Område " + entry.getKey(), 6, "Økonomiudvalget" });
            areas.add(Map.of("code", known[0], "name", known[1], "mainAccount", known[2], "committee", known[3],
                    "amounts", place.years().stream().map(y -> Map.of("year", y, "amount", entry.getValue())).toList()));
        }
        return Map.of("priceLevelYear", place.budgetYear(), "areas", areas);
    }

    /** The ten demo areas with budgets of 100, 200, … 1000 mio. kr. */
    public static Map<String, Long> tenAreas() {
        Map<String, Long> amounts = new LinkedHashMap<>();
        for (int i = 0; i < AREAS.size(); i++) {
            amounts.put((String) AREAS.get(i)[0], (i + 1) * 100_000_000L);
        }
        return amounts;
    }

    public static void importBudget(Place place, Map<String, Long> amounts) {
        place.asFinance().body(budget(place, amounts)).put(place.base() + "/budgets/" + place.budgetYear())
                .then().statusCode(201);
    }

    /** Creates a target and returns its id. */
    public static long createTarget(Place place, Map<String, Object> body) {
        return place.asFinance().body(body).post(place.base() + "/targets").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    public static Map<String, Object> amountTarget(Place place, String mode, long... perYear) {
        List<Map<String, Object>> years = new ArrayList<>();
        for (int i = 0; i < perYear.length; i++) {
            years.add(Map.of("year", place.budgetYear() + i, "amount", perYear[i]));
        }
        return Map.of("budgetYear", place.budgetYear(), "name", "Mål " + place.budgetYear(), "kind", "AMOUNT", "mode", mode,
                "responsibleBody", "FINANCE_COMMITTEE", "years", years);
    }

    public static Map<String, Object> percentTarget(Place place, String mode, String... perYear) {
        List<Map<String, Object>> years = new ArrayList<>();
        for (int i = 0; i < perYear.length; i++) {
            years.add(Map.of("year", place.budgetYear() + i, "percent", perYear[i]));
        }
        return Map.of("budgetYear", place.budgetYear(), "name", "Mål " + place.budgetYear(), "kind", "PERCENT", "mode",
                mode, "responsibleBody", "STANDING_COMMITTEE", "years", years);
    }

    public static void adopt(Place place, long targetId) {
        place.asFinance().body(Map.of("decisionReference", "Byrådet, budgetvedtagelse"))
                .post(place.base() + "/targets/" + targetId + "/adopt").then().statusCode(200);
    }

    public static void allocate(Place place, long targetId, Map<String, Object> request) {
        place.asFinance().body(request).post(place.base() + "/targets/" + targetId + "/allocations").then().statusCode(201);
    }

    // --- events as proposal-service sends them ---

    public static List<YearAmount> perYear(Place place, long... amounts) {
        List<YearAmount> years = new ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            years.add(new YearAmount(place.budgetYear() + i, amounts[i]));
        }
        return years;
    }

    public static PolicyAreaRef area(String code) {
        Object[] known = AREAS.stream().filter(a -> a[0].equals(code)).findFirst()
                .orElse(new Object[] { code, "Område " + code, 6, "Økonomiudvalget" });
        return new PolicyAreaRef((String) known[0], (String) known[1], (Integer) known[2], (String) known[3]);
    }

    public static ProposalAdoptedV1 adopted(Place place, long proposalId, String type, String areaCode,
            List<YearAmount> netChange, Instant adoptedAt) {
        return new ProposalAdoptedV1(proposalId, areaCode + "-" + proposalId, "Forslag " + proposalId, type, 7,
                place.budgetYear(), place.budgetYear(), area(areaCode), netChange, List.of(), List.of(), "Programejer",
                new ProposalOrigin("ADMINISTRATION", null, null, null), false, "LOW", adoptedAt, "Beskrivelse " + proposalId,
                "Begrundelse", null, List.of());
    }

    /** An adopted proposal of a catalog at {@code priceLevelYear}'s prices, the same net change every year. */
    public static ProposalAdoptedV1 adoptedAt(Place place, int priceLevelYear, String type, String area, long perYear) {
        ProposalAdoptedV1 p = adopted(place, proposalId(), type, area, perYear(place, perYear, perYear, perYear, perYear),
                Instant.now());
        return new ProposalAdoptedV1(p.proposalId(), p.number(), p.title(), p.type(), p.catalogId(), p.budgetYear(),
                priceLevelYear, p.area(), p.netChange(), p.investmentCost(), p.gains(), p.programOwner(), p.origin(),
                p.shareWithIdeaBank(), p.uncertainty(), p.adoptedAt(), p.description(), p.classificationRationale(),
                p.serviceConsequences(), p.staffChange());
    }

    public static ProposalStatusChangedV1 withdrawn(Place place, long proposalId, String type, String areaCode,
            List<YearAmount> netChange, String from, Instant at) {
        return new ProposalStatusChangedV1(proposalId, areaCode + "-" + proposalId, "Forslag " + proposalId, type, 7,
                place.budgetYear(), area(areaCode), from, "WITHDRAWN", netChange, "Trukket", at, place.budgetYear(),
                new ProposalOrigin("ADMINISTRATION", null, null, null), false, "Beskrivelse " + proposalId, "Begrundelse",
                null, List.of(), List.of(), List.of(), "LOW");
    }

    public static CatalogAdoptedV1 catalogAdopted(Place place, long catalogId, List<Long> adoptedIds, Instant at) {
        return new CatalogAdoptedV1(catalogId, place.budgetYear(), place.budgetYear(), "Katalog " + place.budgetYear(),
                adoptedIds, List.of(), List.of(), at);
    }

    /** The CloudEvent JSON of a payload, as proposal-service's outbox writes it. */
    public static <T> String envelope(EventType<T> type, String eventId, String subject, String municipality, T payload) {
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, eventId, "/raaderum/proposal-service", type.type(),
                subject, Instant.now(), CloudEvent.DATA_CONTENT_TYPE, municipality, null, null, JSON.valueToTree(payload));
        try {
            return JSON.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends an event to its real topic and returns the envelope JSON (to send it again as a duplicate). */
    public static <T> String send(EventType<T> type, String subject, String municipality, T payload) {
        String json = envelope(type, UUID.randomUUID().toString(), subject, municipality, payload);
        KafkaTopics.send(type.topic(), subject, json);
        return json;
    }

    public static void sendAdopted(Place place, ProposalAdoptedV1 payload) {
        send(Events.PROPOSAL_ADOPTED, String.valueOf(payload.proposalId()), place.municipality(), payload);
    }
}

package dk.raaderum.ideabank.service.io;

import dk.raaderum.ideabank.domain.Idea;
import dk.raaderum.ideabank.domain.PolicyAreas;
import dk.raaderum.ideabank.service.IdeaViews;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The columns of the idea bank as a spreadsheet: what the CSV and XLSX exports write, in this order, with Danish
 * headers, and what KL's CSV and XLSX imports read by the same headers (columns that only describe an idea in the
 * bank, such as its status, are skipped on import; an {@code Idé-id} names the idea a row updates, so an export can be
 * edited and imported again). The JSON import uses the API's field names instead.
 */
public enum IdeaColumn {
    ID("Idé-id", "id", true, idea -> String.valueOf(idea.id)),
    STATUS("Status", "status", false, idea -> idea.status.name()),
    ORIGIN("Oprindelse", "origin", false, idea -> idea.origin.name()),
    MUNICIPALITY("Kommunekode", "municipality", true, idea -> idea.sourceMunicipality),
    MUNICIPALITY_NAME("Kommune", "municipalityName", false,
            idea -> IdeaViews.municipality(idea.sourceMunicipality).name()),
    BUDGET_YEAR("Budgetår", "budgetYear", true, idea -> idea.budgetYear),
    NUMBER("Nummer", "number", true, idea -> idea.sourceKey),
    SOURCE_REFERENCE("Kildereference", "sourceReference", true, idea -> idea.sourceReference),
    TITLE("Titel", "title", true, idea -> idea.title),
    SUMMARY("Resumé", "summary", true, idea -> idea.summary),
    DESCRIPTION("Beskrivelse", "description", true, idea -> idea.description),
    TYPE("Type", "type", true, idea -> idea.type.danish()),
    RATIONALE("Begrundelse for type", "classificationRationale", true, idea -> idea.classificationRationale),
    REDUCES_SERVICE("Reducerer service", "reducesService", true, idea -> idea.reducesService ? "ja" : "nej"),
    AREA("Fagområde", "areaCode", true, idea -> idea.areaCode),
    AREA_NAME("Fagområdenavn", "areaName", false,
            idea -> PolicyAreas.byCode(idea.areaCode).map(a -> a.name()).orElse(null)),
    TAGS("Tags", "tags", true, idea -> String.join(", ", idea.tags)),
    PRICE_LEVEL("Prisniveau", "priceLevelYear", true, idea -> idea.priceLevelYear),
    YEAR_1("År 1 (kr.)", "amounts", true, idea -> idea.amounts.byOffset().get(0)),
    YEAR_2("År 2 (kr.)", "amounts", true, idea -> idea.amounts.byOffset().get(1)),
    YEAR_3("År 3 (kr.)", "amounts", true, idea -> idea.amounts.byOffset().get(2)),
    YEAR_4("År 4 (kr.)", "amounts", true, idea -> idea.amounts.byOffset().get(3)),
    FTE("Årsværk", "fteChange", true, idea -> idea.fteChange),
    INVESTMENT("Investering (kr.)", "investmentCost", true, idea -> idea.investmentCost),
    PAYBACK("Tilbagebetaling (år)", "paybackYears", true, idea -> idea.paybackYears),
    CONSEQUENCES("Konsekvenser", "consequences", true, idea -> idea.consequences),
    CONTACT_ROLE("Kontaktrolle", "contactRole", true, idea -> idea.contactRole),
    FAMILY("Familie-id", "familyId", false, idea -> idea.familyId == null ? null : String.valueOf(idea.familyId)),
    FAMILY_MUNICIPALITIES("Kommuner i familien", "familyMunicipalities", false,
            idea -> String.join(", ", idea.familyMunicipalities)),
    PUBLISHED_AT("Offentliggjort", "publishedAt", false,
            idea -> idea.publishedAt == null ? null : idea.publishedAt.toString());

    /** The four amount columns, year 1 (the budget year) to year 4. */
    public static final List<IdeaColumn> YEARS = List.of(YEAR_1, YEAR_2, YEAR_3, YEAR_4);

    private final String header;
    private final String field;
    private final boolean imported;
    private final Function<Idea, Object> value;

    IdeaColumn(String header, String field, boolean imported, Function<Idea, Object> value) {
        this.header = header;
        this.field = field;
        this.imported = imported;
        this.value = value;
    }

    public String header() {
        return header;
    }

    /** The field name of the API and the JSON import ({@code amounts} for the four year columns). */
    public String field() {
        return field;
    }

    /** Whether an import reads it (the others are written by exports and skipped on import). */
    public boolean imported() {
        return imported;
    }

    /** The idea's value in this column: text, a whole number (Long: kroner), a decimal, or null. */
    public Object of(Idea idea) {
        return value.apply(idea);
    }

    /** The column with this header, ignoring case and surrounding spaces. */
    public static Optional<IdeaColumn> byHeader(String header) {
        String wanted = header == null ? "" : header.strip();
        return Arrays.stream(values()).filter(c -> c.header.equalsIgnoreCase(wanted)).findFirst();
    }

    /** The (first) column of an API field name. */
    public static Optional<IdeaColumn> byField(String field) {
        return Arrays.stream(values()).filter(c -> c.field.equals(field)).findFirst();
    }

    public static List<String> headers() {
        return Arrays.stream(values()).map(IdeaColumn::header).toList();
    }
}

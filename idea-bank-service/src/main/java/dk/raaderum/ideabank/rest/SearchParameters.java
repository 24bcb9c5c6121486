package dk.raaderum.ideabank.rest;

import dk.raaderum.ideabank.domain.IdeaRules;
import dk.raaderum.ideabank.domain.IdeaStatus;
import dk.raaderum.ideabank.domain.PolicyAreas;
import dk.raaderum.ideabank.service.search.SearchModels.Query;
import dk.raaderum.ideabank.service.search.SearchModels.Sort;
import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.platform.web.http.QueryParams;
import dk.raaderum.platform.web.municipality.Municipalities;
import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The query parameters of a search of the idea bank, as the API and the open data take them. */
public class SearchParameters {

    @QueryParam("q")
    @Size(max = 500)
    @Parameter(description = "Words, websearch syntax: \"a phrase\", -exclude, or. Danish stemming; compound words are"
            + " split (\"pleje\" finds \"hjemmeplejen\"); misspelt words fall back to similar titles", example = "pleje")
    public String q;

    @QueryParam("area")
    @Parameter(description = "Policy area codes (GET /api/v1/ideas/policy-areas); repeat or comma-separate for any of them",
            example = "aeldre")
    public List<String> areas;

    @QueryParam("type")
    @Parameter(description = "SAVING, EFFICIENCY, INVESTMENT, EXPANSION", example = "EFFICIENCY")
    public List<String> types;

    @QueryParam("municipality")
    @Parameter(description = "Municipality codes; an idea matches when it or a member of its family comes from one",
            example = "751")
    public List<String> municipalities;

    @QueryParam("budgetYear")
    @Parameter(description = "Budget years the ideas come from ("
            + IdeaRules.FIRST_BUDGET_YEAR + " … " + IdeaRules.LAST_BUDGET_YEAR + ")", example = "2022")
    public List<String> budgetYears;

    @QueryParam("tag")
    @Parameter(description = "Tags; every given tag must be on the idea", example = "velfærdsteknologi")
    public List<String> tags;

    @QueryParam("reducesService")
    @Parameter(description = "Only ideas that reduce service (true) or that do not (false)")
    public Boolean reducesService;

    @QueryParam("hasRealisedGains")
    @Parameter(description = "Only ideas with (true) or without (false) realised gains reported somewhere")
    public Boolean hasRealisedGains;

    @QueryParam("minAdoptions")
    @Min(0)
    @Max(98)
    @Parameter(description = "Only ideas adopted by at least this many municipalities", example = "2")
    public Integer minAdoptions;

    @QueryParam("minRealisationRatio")
    @DecimalMin("0")
    @DecimalMax("100")
    @Parameter(description = "Only ideas whose initiatives realised at least this share of the expected gains (median;"
            + " 0.8 = 80 %); ideas without reports are left out", example = "0.8")
    public BigDecimal minRealisationRatio;

    @QueryParam("sort")
    @DefaultValue("relevance")
    @Parameter(description = """
            relevance (best match first; newest without words), newest, most-adopted, largest-amount, most-proven
            (the 95 % Wilson lower bound of the realised share of expected gains, one trial per initiative that
            reported: many consistent successes rank above a single large one; then most adopted)""")
    public String sort;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(QueryParams.MAX_PAGE)
    @Parameter(description = "Page, from 0")
    public int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(1)
    @Max(100)
    @Parameter(description = "Page size, at most 100")
    public int size;

    /** The search, in the given statuses; 400 naming the parameter for an unknown area, municipality, year or sort. */
    public Query toQuery(Set<IdeaStatus> statuses) {
        Set<String> areaCodes = QueryParams.strings(areas);
        areaCodes.stream().filter(code -> !PolicyAreas.exists(code)).findFirst().ifPresent(code -> {
            throw invalid("area", "'" + code + "' is not a policy area code (GET /api/v1/ideas/policy-areas)");
        });
        Set<String> codes = QueryParams.strings(municipalities);
        codes.stream().filter(code -> !Municipalities.exists(code)).findFirst().ifPresent(code -> {
            throw invalid("municipality", "'" + code + "' is not the code of a Danish municipality");
        });
        Sort order = Sort.parse(sort).orElseThrow(() -> invalid("sort", "one of " + Arrays.stream(Sort.values())
                .map(Sort::key).toList()));
        return new Query(q == null || q.isBlank() ? null : q.strip(), areaCodes,
                QueryParams.enums("type", types, ProposalType.class), codes, years(),
                QueryParams.strings(tags).stream().map(String::toLowerCase).collect(Collectors.toSet()), reducesService,
                hasRealisedGains, minAdoptions, minRealisationRatio, statuses, order, page, size);
    }

    private Set<Integer> years() {
        Set<Integer> years = new TreeSet<>();
        for (String year : QueryParams.strings(budgetYears)) {
            try {
                int value = Integer.parseInt(year);
                if (value < IdeaRules.FIRST_BUDGET_YEAR || value > IdeaRules.LAST_BUDGET_YEAR) {
                    throw new NumberFormatException();
                }
                years.add(value);
            } catch (NumberFormatException e) {
                throw invalid("budgetYear", "'" + year + "' is not a budget year of " + IdeaRules.FIRST_BUDGET_YEAR + " … "
                        + IdeaRules.LAST_BUDGET_YEAR);
            }
        }
        return years;
    }

    private static ProblemException invalid(String parameter, String message) {
        return ProblemException.validation(parameter + ": " + message, List.of(new FieldError(parameter, message)));
    }
}

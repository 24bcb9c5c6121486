package dk.raaderum.followup.rest;

import dk.raaderum.followup.service.FigureModels.OpenDataQuery;
import dk.raaderum.platform.events.BudgetYears;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters every open-data endpoint takes, in JSON pages and as CSV alike. */
public class OpenDataParameters {

    @QueryParam("municipality")
    @Parameter(description = "Municipality code", example = "751")
    public String municipality;

    @QueryParam("catalogYear")
    @Min(BudgetYears.FIRST)
    @Max(BudgetYears.LAST)
    @Parameter(description = "Budget year of the catalog", example = "2025")
    public Integer catalogYear;

    @QueryParam("year")
    @Min(BudgetYears.FIRST)
    @Max(BudgetYears.LAST)
    @Parameter(description = "The year realised", example = "2026")
    public Integer year;

    @QueryParam("priceLevelYear")
    @Min(BudgetYears.FIRST)
    @Max(BudgetYears.LAST)
    @Parameter(description = "The price level of every amount; default: `year`, without it this year", example = "2026")
    public Integer priceLevelYear;

    public OpenDataQuery toQuery() {
        return new OpenDataQuery(municipality, catalogYear, year, priceLevelYear);
    }
}

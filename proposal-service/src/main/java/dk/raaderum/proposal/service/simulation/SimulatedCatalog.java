package dk.raaderum.proposal.service.simulation;

import dk.raaderum.proposal.domain.Catalog;
import dk.raaderum.proposal.repository.CatalogRepository;
import dk.raaderum.proposal.repository.CatalogRepository.AreaRow;
import dk.raaderum.proposal.repository.CatalogRepository.Heading;
import dk.raaderum.proposal.service.simulation.BudgetSimulator.Area;

import java.util.List;

/**
 * What a simulation reads of its catalog besides the proposals: its heading and its areas, immutable, so that
 * {@link SimulationInputs} can keep it between simulations (the entity stays in its transaction).
 *
 * @param years the budget year and the projection years ({@link Catalog#years()})
 */
public record SimulatedCatalog(long id, String municipality, int budgetYear, int priceLevelYear, List<Integer> years,
        List<Area> areas) {

    public SimulatedCatalog {
        years = List.copyOf(years);
        areas = List.copyOf(areas);
    }

    /**
     * A catalog entity as the caller holds it (a budget agreement's check: in its transaction, or an adopted catalog's
     * check shown with it).
     */
    public static SimulatedCatalog of(Catalog catalog) {
        return new SimulatedCatalog(catalog.id, catalog.municipality, catalog.budgetYear, catalog.priceLevelYear,
                catalog.years(), catalog.areas.stream().map(a -> new Area(a.code, a.name, a.committee)).toList());
    }

    /** A catalog read as values ({@link CatalogRepository#heading}, {@link CatalogRepository#areaRows}). */
    public static SimulatedCatalog of(Heading heading, List<AreaRow> areas) {
        return new SimulatedCatalog(heading.id(), heading.municipality(), heading.budgetYear(), heading.priceLevelYear(),
                Catalog.years(heading.budgetYear()), areas.stream().map(a -> new Area(a.code(), a.name(), a.committee()))
                        .toList());
    }
}

package dk.raaderum.ideabank.service;

import dk.raaderum.ideabank.domain.CatalogRef;
import dk.raaderum.ideabank.domain.IdeaRules;
import dk.raaderum.ideabank.repository.CatalogRefRepository;
import dk.raaderum.platform.events.proposal.CatalogChangedV1;
import dk.raaderum.platform.messaging.consumer.IncomingEvent;
import dk.raaderum.platform.messaging.consumer.PoisonMessageException;
import dk.raaderum.platform.web.municipality.Municipalities;
import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * The municipalities' catalogs from proposal-service's {@code catalog.changed}, so "use this idea" is refused at once
 * for another municipality's catalog (403), a locked or adopted one (409 catalog-closed) or an area the catalog does
 * not have (422 unknown-area). A catalog not (yet) known is left to proposal-service, which answers in the outcome.
 */
@ApplicationScoped
public class CatalogReadModel {

    private final CatalogRefRepository catalogs;

    public CatalogReadModel(CatalogRefRepository catalogs) {
        this.catalogs = catalogs;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(IncomingEvent<CatalogChangedV1> event) {
        CatalogChangedV1 catalog = event.payload();
        if (!Municipalities.exists(event.municipality()) || catalog.status() == null) {
            throw new PoisonMessageException("A catalog event without a valid municipality or status", null);
        }
        CatalogRef known = catalogs.forUpdate(catalog.catalogId()).orElse(null);
        boolean isNew = known == null;
        if (isNew) {
            known = new CatalogRef();
            known.catalogId = catalog.catalogId();
        }
        known.apply(event.municipality(), catalog.budgetYear(), catalog.status(),
                catalog.areaCodes() == null ? List.of() : catalog.areaCodes(),
                catalog.changedAt() == null ? event.time() : catalog.changedAt());
        if (isNew) {
            catalogs.persist(known);
        }
    }

    /**
     * Throws the problem when the municipality cannot have a draft in the catalog's area now, as far as known. Another
     * municipality's catalog is answered as one the idea bank does not know (accepted, and proposal-service's answer
     * says it has no such catalog): a refusal here would tell the caller that the id exists.
     */
    public void requireOpenFor(String municipality, long catalogId, String areaCode) {
        CatalogRef catalog = catalogs.findByIdOptional(catalogId).orElse(null);
        CatalogRef.Refusal refusal = catalog == null ? null : catalog.refusal(municipality, areaCode);
        if (refusal == CatalogRef.Refusal.NOT_OPEN) {
            throw new ProblemException(IdeaCopyRequests.CATALOG_CLOSED, "Catalog " + catalog.budgetYear + " is "
                    + catalog.status + " and takes no new proposals");
        }
        if (refusal == CatalogRef.Refusal.UNKNOWN_AREA) {
            throw ProblemException.ruleViolation(IdeaRules.RULE_UNKNOWN_AREA, "Catalog " + catalog.budgetYear
                    + " has no policy area " + areaCode + "; it has " + List.of(catalog.areaCodes),
                    List.of(new FieldError("areaCode", "not an area of the catalog")));
        }
    }
}

package dk.raaderum.platform.events.idea;

import dk.raaderum.platform.events.YearAmount;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code dk.raaderum.idea.copy-requested.v1} on {@code idea.copy-requested}: a finance officer asked for a published
 * idea as a draft proposal in one of the municipality's catalogs ("use this idea"). Carries the idea's content as
 * published, so proposal-service makes the draft without asking back. Keyed by the request id; the envelope's
 * {@code municipality} is the requesting municipality (the catalog's).
 *
 * @param ideaVersion the published version copied
 * @param areaCode the catalog's policy area the draft goes into
 * @param budgetYear the budget year the idea's amounts come from (B-year of the source budget)
 * @param amounts the idea's known yearly amounts at {@code priceLevelYear} (negative creates room); proposal-service
 *        moves them onto the catalog's four years
 * @param requestedBy the finance officer's name, and {@code requestedById} the login, as the draft's author
 */
public record IdeaCopyRequestedV1(
        UUID requestId,
        long ideaId,
        long ideaVersion,
        long catalogId,
        String areaCode,
        String title,
        String summary,
        String description,
        String type,
        String classificationRationale,
        boolean reducesService,
        String consequences,
        String sourceMunicipality,
        int budgetYear,
        Integer priceLevelYear,
        List<YearAmount> amounts,
        BigDecimal fteChange,
        Long investmentCost,
        String requestedBy,
        String requestedById,
        Instant requestedAt) {
}

package dk.raaderum.platform.events.idea;

import dk.raaderum.platform.events.PolicyAreaRef;
import dk.raaderum.platform.events.YearAmount;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * {@code dk.raaderum.idea.published.v1} on {@code idea.published}: KL published an idea, or a published idea changed
 * (a correction, a new version from an import, a family gaining or losing a member). Carries the whole idea, so a
 * consumer keeps its own copy of the published ideas; the newest {@code version} wins. Keyed by the idea id.
 *
 * @param area the national policy area (code, name, main account; no committee)
 * @param amounts the known yearly amounts (whole kroner at {@code priceLevelYear}, negative creates room)
 * @param municipalities the source municipality and those of the family's members
 */
public record IdeaPublishedV1(
        long ideaId,
        long version,
        String title,
        String summary,
        String description,
        String type,
        String classificationRationale,
        boolean reducesService,
        PolicyAreaRef area,
        List<String> tags,
        String sourceMunicipality,
        int budgetYear,
        Integer priceLevelYear,
        List<YearAmount> amounts,
        BigDecimal fteChange,
        Long investmentCost,
        BigDecimal paybackYears,
        String consequences,
        Long sourceProposalId,
        Long sourceInitiativeId,
        Long familyId,
        List<String> municipalities,
        Instant publishedAt) {
}

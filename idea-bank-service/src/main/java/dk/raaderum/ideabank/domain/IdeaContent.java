package dk.raaderum.ideabank.domain;

import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.platform.events.YearAmount;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What an idea says, as a submission, a shared proposal or an import row gives it; the curator's corrections change
 * type, area and tags. {@link #normalised()} is the form that is stored: texts stripped (blank optional texts are
 * absent), tags lower-case without duplicates, amounts in year order, the price level the budget year's unless
 * stated. The rules it must follow are {@link IdeaRules}.
 *
 * @param amounts the change in operating expenses per year (negative creates room), for years of budgetYear …
 *        budgetYear + 3; not every year need be known
 * @param sourceKey the source's own number (e.g. {@code ÆLD-03}) or, without one, its reference: with the
 *        municipality and budget year it identifies the source (imports are idempotent by it)
 */
public record IdeaContent(String title, String summary, String description, ProposalType type,
        String classificationRationale, boolean reducesService, String areaCode, List<String> tags, int budgetYear,
        Integer priceLevelYear, List<YearAmount> amounts, BigDecimal fteChange, Long investmentCost,
        BigDecimal paybackYears, String consequences, String contactRole, String sourceReference, String sourceKey) {

    public IdeaContent {
        tags = tags == null ? List.of() : List.copyOf(tags);
        amounts = amounts == null ? List.of() : List.copyOf(amounts);
    }

    /** The stored form: stripped texts, normalised tags, amounts in year order, the price level set. */
    public IdeaContent normalised() {
        List<String> cleanTags = tags.stream().filter(Objects::nonNull).map(t -> t.strip().toLowerCase(Locale.ROOT))
                .filter(t -> !t.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new)).stream().toList();
        List<YearAmount> ordered = amounts.stream().sorted(Comparator.comparingInt(YearAmount::year)).toList();
        return new IdeaContent(strip(title), optional(summary), optional(description), type,
                strip(classificationRationale), reducesService, strip(areaCode), cleanTags, budgetYear,
                priceLevelYear == null && !ordered.isEmpty() ? Integer.valueOf(budgetYear) : priceLevelYear, ordered,
                fteChange, investmentCost, paybackYears, optional(consequences), optional(contactRole),
                optional(sourceReference), optional(sourceKey));
    }

    /** The same content with a curator's corrections of type, area and tags (null: unchanged). */
    public IdeaContent corrected(ProposalType newType, String newRationale, String newArea, List<String> newTags,
            Boolean newReducesService) {
        return new IdeaContent(title, summary, description, newType == null ? type : newType,
                newRationale == null ? classificationRationale : newRationale,
                newReducesService == null ? reducesService : newReducesService, newArea == null ? areaCode : newArea,
                newTags == null ? tags : newTags, budgetYear, priceLevelYear, amounts, fteChange, investmentCost,
                paybackYears, consequences, contactRole, sourceReference, sourceKey).normalised();
    }

    /**
     * This (curated) content with a correction of its source proposal taken in: what the proposal says (title,
     * description, type and rationale, years, amounts, staff change, investment, consequences, number); what only KL
     * curates stays (summary, reduces-service, area, tags) and so does the contact role.
     */
    public IdeaContent takingFrom(IdeaContent source) {
        return new IdeaContent(source.title, summary, source.description, source.type, source.classificationRationale,
                reducesService, areaCode, tags, source.budgetYear, source.priceLevelYear, source.amounts, source.fteChange,
                source.investmentCost, source.paybackYears, source.consequences, contactRole, source.sourceReference,
                source.sourceKey).normalised();
    }

    /** The fields by name, in a fixed order, as text: what the hash and the history compare. */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("summary", summary);
        fields.put("description", description);
        fields.put("type", type == null ? null : type.name());
        fields.put("classificationRationale", classificationRationale);
        fields.put("reducesService", Boolean.toString(reducesService));
        fields.put("areaCode", areaCode);
        fields.put("tags", String.join(",", tags));
        fields.put("budgetYear", Integer.toString(budgetYear));
        fields.put("priceLevelYear", text(priceLevelYear));
        fields.put("amounts", amounts.stream().map(a -> a.year() + ":" + a.amount()).collect(Collectors.joining(",")));
        fields.put("fteChange", fteChange == null ? null : fteChange.stripTrailingZeros().toPlainString());
        fields.put("investmentCost", text(investmentCost));
        fields.put("paybackYears", paybackYears == null ? null : paybackYears.stripTrailingZeros().toPlainString());
        fields.put("consequences", consequences);
        fields.put("contactRole", contactRole);
        fields.put("sourceReference", sourceReference);
        fields.put("sourceKey", sourceKey);
        return fields;
    }

    /** SHA-256 of the fields: equal for equal content, so a re-imported unchanged row changes nothing. */
    public String hash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            fields().forEach((name, value) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                if (value != null) {
                    digest.update(value.getBytes(StandardCharsets.UTF_8));
                }
                digest.update((byte) 1);
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One changed field of a new version. */
    public record Change(String field, String from, String to) {
    }

    /** The fields that differ from {@code before}, with both values. */
    public List<Change> changesFrom(IdeaContent before) {
        Map<String, String> old = before.fields();
        List<Change> changes = new ArrayList<>();
        fields().forEach((name, value) -> {
            if (!Objects.equals(old.get(name), value)) {
                changes.add(new Change(name, old.get(name), value));
            }
        });
        return changes;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    private static String optional(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

package dk.raaderum.proposal.service;

import static dk.raaderum.proposal.service.export.CatalogExport.AREA;
import static dk.raaderum.proposal.service.export.CatalogExport.CONSEQUENCES;
import static dk.raaderum.proposal.service.export.CatalogExport.ORIGIN;
import static dk.raaderum.proposal.service.export.CatalogExport.RATIONALE;
import static dk.raaderum.proposal.service.export.CatalogExport.STATUS;
import static dk.raaderum.proposal.service.export.CatalogExport.TITLE;
import static dk.raaderum.proposal.service.export.CatalogExport.TYPE;
import static dk.raaderum.proposal.service.export.CatalogExport.UNCERTAINTY;
import static dk.raaderum.proposal.service.export.CatalogExport.VERSION;

import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.platform.web.http.SpreadsheetAmounts;
import dk.raaderum.platform.web.problem.FieldError;
import dk.raaderum.platform.web.problem.ProblemException;
import dk.raaderum.proposal.domain.Catalog;
import dk.raaderum.proposal.domain.CatalogArea;
import dk.raaderum.proposal.domain.OriginKind;
import dk.raaderum.proposal.domain.Proposal;
import dk.raaderum.proposal.domain.ProposalStatus;
import dk.raaderum.proposal.domain.ProposalYear;
import dk.raaderum.proposal.domain.Uncertainty;
import dk.raaderum.proposal.service.ProposalModels.FteInput;
import dk.raaderum.proposal.service.ProposalModels.ImportAction;
import dk.raaderum.proposal.service.ProposalModels.OriginInput;
import dk.raaderum.proposal.service.ProposalModels.ProposalInput;
import dk.raaderum.proposal.service.ProposalModels.YearAmountInput;
import dk.raaderum.proposal.service.export.CatalogExport;
import dk.raaderum.proposal.service.export.CatalogSheet.ProposalRow;
import dk.raaderum.proposal.service.export.OriginLabels;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One proposal row of an imported catalog sheet made into the {@link ProposalInput} the single-proposal POST or PUT
 * would take, and checked as they check it (Bean Validation of the input, {@link ProposalRules}, a published idea),
 * without writing: the columns the sheet has (title, type, origin, uncertainty, the four years' net change, service
 * consequences, rationale) over the proposal's current content (its description, staff change, program owner … are
 * kept), or for a new proposal over an empty one whose description is its title. Derived columns (committee, main
 * account, total, payback year) and, for an existing proposal, the status are not read.
 */
@ApplicationScoped
class ImportRows {

    /** The columns the checks of {@link ProposalRules} and of the input's fields point at. */
    private static final Map<String, String> COLUMN_OF = Map.ofEntries(Map.entry("title", TITLE),
            Map.entry("description", TITLE), Map.entry("type", TYPE), Map.entry("classificationRationale", RATIONALE),
            Map.entry("serviceConsequences", CONSEQUENCES), Map.entry("origin", ORIGIN),
            Map.entry("saving-consequences", CONSEQUENCES), Map.entry("origin-details", ORIGIN),
            Map.entry(IdeaReadModel.IDEA_NOT_PUBLISHED, ORIGIN), Map.entry("uncertainty", UNCERTAINTY));

    /** A row checked: the input it makes, what it would do, and what is wrong with it (nothing when it is fine). */
    record Checked(int row, Proposal current, ProposalInput input, ImportAction action, List<FieldError> errors) {
    }

    private final Validator validator;
    private final IdeaReadModel ideas;

    ImportRows(Validator validator, IdeaReadModel ideas) {
        this.validator = validator;
        this.ideas = ideas;
    }

    /** The row as a change of {@code current}, or as a new proposal when {@code current} is null. */
    Checked check(Catalog catalog, ProposalRow row, Proposal current) {
        Errors errors = new Errors(row.number());
        ProposalInput base = current == null ? null : inputOf(current);
        ProposalInput input = input(catalog, row, current, base, errors);
        if (input == null) {
            return new Checked(row.number(), current, null, null, errors.list);
        }
        if (base != null && sameContent(input, base)) {
            return new Checked(row.number(), current, input, ImportAction.UNCHANGED, errors.list);
        }
        if (current != null && input.version() != current.version) {
            errors.add(VERSION, "stale: " + current.number + " has changed since version " + input.version()
                    + " was exported (it is at version " + current.version + "); export again and redo the change");
        }
        if (current != null && !ProposalService.EDITABLE.contains(current.status)) {
            errors.add(STATUS, "the proposal is " + current.status.danish() + " (" + current.status
                    + ") and can no longer be changed; only rows of proposals in " + ProposalService.EDITABLE.stream()
                    .map(ProposalStatus::danish).toList() + " may differ");
        }
        rules(catalog, current, input, errors);
        return new Checked(row.number(), current, input, current == null ? ImportAction.CREATED : ImportAction.UPDATED,
                errors.list);
    }

    private ProposalInput input(Catalog catalog, ProposalRow row, Proposal current, ProposalInput base, Errors errors) {
        Optional<ProposalType> type = parse(row, TYPE, ProposalType::parse, "a type: besparelse, effektivisering,"
                + " investering or budgetudvidelse", errors);
        Optional<Uncertainty> uncertainty = parse(row, UNCERTAINTY, ImportRows::uncertainty, "an uncertainty: lav,"
                + " middel or høj", errors);
        Optional<OriginInput> origin = origin(row, current, errors);
        Optional<String> area = area(catalog, row, current, errors);
        List<YearAmountInput> amounts = amounts(catalog, row, errors);
        Long version = version(row, current, errors);
        if (current == null && !row.get(STATUS).isEmpty()
                && !row.get(STATUS).equalsIgnoreCase(ProposalStatus.DRAFT.danish())) {
            errors.add(STATUS, "a new proposal starts as " + ProposalStatus.DRAFT.danish()
                    + "; leave the status empty");
        }
        if (!errors.list.isEmpty()) {
            return null;
        }
        ProposalType newType = type.orElseThrow();
        boolean keepInvestment = current != null && current.type == ProposalType.INVESTMENT
                && newType == ProposalType.INVESTMENT;
        if (keepInvestment && !amounts.equals(netChange(current))) {
            errors.add(yearsColumn(catalog), "an investment's amounts are its cost and"
                    + " gains per year, which the sheet does not show; change them in the proposal itself");
            return null;
        }
        if (newType == ProposalType.INVESTMENT && !keepInvestment) {
            errors.add(TYPE, "an investment is written with its cost and gains per year in the proposal itself, not"
                    + " from the sheet");
            return null;
        }
        String title = row.get(TITLE);
        return new ProposalInput(title, base == null ? title : base.description(), newType, row.get(RATIONALE),
                area.orElseThrow(), origin.orElseThrow(), keepInvestment ? null : amounts,
                keepInvestment ? base.investmentCost() : null, keepInvestment ? base.gains() : null,
                base == null ? null : base.staffChange(), text(row.get(CONSEQUENCES)), uncertainty.orElseThrow(),
                base == null ? null : base.implementationStart(), base == null ? null : base.programOwner(),
                base == null ? null : base.predecessorId(), base != null && base.shareWithIdeaBank(), version);
    }

    private static <T> Optional<T> parse(ProposalRow row, String column, Function<String,
            Optional<T>> parser, String what, Errors errors) {
        Optional<T> value = parser.apply(row.get(column));
        if (value.isEmpty()) {
            errors.add(column, "'" + row.get(column) + "' is not " + what);
        }
        return value;
    }

    private static Optional<Uncertainty> uncertainty(String text) {
        return Arrays.stream(Uncertainty.values())
                .filter(u -> u.danish().equalsIgnoreCase(text) || u.name().equalsIgnoreCase(text)).findFirst();
    }

    /** The current origin when the label is the current one's (so what the label does not show is kept). */
    private static Optional<OriginInput> origin(ProposalRow row, Proposal current, Errors errors) {
        String label = row.get(ORIGIN);
        if (current != null && label.equalsIgnoreCase(OriginLabels.label(current.originKind, current.originParty,
                current.originIdeaId, current.originMunicipality))) {
            return Optional.of(new OriginInput(current.originKind, current.originParty, current.originIdeaId,
                    current.originMunicipality));
        }
        return parse(row, ORIGIN, OriginLabels::parse, "an origin: " + OriginLabels.examples(), errors);
    }

    /** The area named by its name (as exported) or code; an existing proposal's area cannot change. */
    private static Optional<String> area(Catalog catalog, ProposalRow row, Proposal current, Errors errors) {
        String named = row.get(AREA);
        Optional<CatalogArea> area = catalog.areas.stream()
                .filter(a -> a.name.equalsIgnoreCase(named) || a.code.equalsIgnoreCase(named)).findFirst();
        if (area.isEmpty()) {
            errors.add(AREA, "unknown-area: catalog " + catalog.budgetYear + " has no policy area '" + named + "'; it has "
                    + catalog.areas.stream().map(a -> a.name).toList());
        } else if (current != null && !area.get().code.equals(current.areaCode)) {
            errors.add(AREA, "area-fixed: the area of " + current.number + " is fixed (its number belongs to it);"
                    + " withdraw it and write a new proposal in " + area.get().name);
            return Optional.empty();
        }
        return area.map(a -> a.code);
    }

    private static List<YearAmountInput> amounts(Catalog catalog, ProposalRow row, Errors errors) {
        List<YearAmountInput> amounts = new ArrayList<>();
        for (int year : catalog.years()) {
            String cell = row.get(Integer.toString(year));
            if (cell.isEmpty()) {
                errors.add(Integer.toString(year), "an amount in whole kroner is required (0 for none)");
                continue;
            }
            try {
                amounts.add(new YearAmountInput(year, SpreadsheetAmounts.wholeKroner(cell)));
            } catch (SpreadsheetAmounts.NotWholeKroner e) {
                errors.add(Integer.toString(year), e.getMessage());
            }
        }
        return amounts;
    }

    /** The version an existing proposal's row was exported with (compared when the row changes something). */
    private static Long version(ProposalRow row, Proposal current, Errors errors) {
        String cell = row.get(VERSION);
        if (current == null) {
            if (!cell.isEmpty()) {
                errors.add(VERSION, "a new proposal (no number) has no version; leave it empty");
            }
            return null;
        }
        if (!cell.matches("\\d{1,18}")) {
            errors.add(VERSION, cell.isEmpty() ? "the version the row was exported with is required"
                    : "'" + cell + "' is not a version");
            return null;
        }
        return Long.valueOf(cell);
    }

    /** The checks of the single-proposal POST and PUT, each broken one an error of the row. */
    private void rules(Catalog catalog, Proposal current, ProposalInput input, Errors errors) {
        for (ConstraintViolation<ProposalInput> violation : validator.validate(input)) {
            String path = violation.getPropertyPath().toString();
            errors.add(COLUMN_OF.getOrDefault(path.split("[.\\[]")[0], path), violation.getMessage());
        }
        if (!errors.list.isEmpty()) {
            return;
        }
        try {
            ProposalRules.origin(input.origin(), catalog.municipality);
            Long ideaId = input.origin().kind() == OriginKind.IDEA_BANK ? input.origin().ideaId() : null;
            if (ideaId != null && (current == null || !ideaId.equals(current.originIdeaId))) {
                ideas.requirePublished(ideaId);
            }
            ProposalRules.years(catalog, input);
        } catch (ProblemException broken) {
            String rule = String.valueOf(broken.properties().get("rule"));
            errors.add(COLUMN_OF.getOrDefault(rule, yearsColumn(catalog)),
                    rule + ": " + broken.getMessage());
        }
    }

    /** The name rules about all four years point at, e.g. {@code 2027–2030}. */
    private static String yearsColumn(Catalog catalog) {
        return catalog.years().get(0) + "–" + catalog.years().get(catalog.years().size() - 1);
    }

    /** A proposal's content as the input that would write it (the catalog's years in order). */
    static ProposalInput inputOf(Proposal p) {
        boolean investment = p.type == ProposalType.INVESTMENT;
        List<FteInput> staff = p.years.stream().filter(y -> y.fteChange != null)
                .map(y -> new FteInput(y.year, y.fteChange)).toList();
        return new ProposalInput(p.title, p.description, p.type, p.classificationRationale, p.areaCode,
                new OriginInput(p.originKind, p.originParty, p.originIdeaId, p.originMunicipality),
                investment ? null : netChange(p),
                investment ? amounts(p, y -> y.investmentCost) : null, investment ? amounts(p, y -> y.gain) : null,
                staff.isEmpty() ? null : staff, text(p.serviceConsequences), p.uncertainty, p.implementationStart,
                p.programOwner, p.predecessor == null ? null : p.predecessor.id, p.shareWithIdeaBank, p.version);
    }

    private static List<YearAmountInput> netChange(Proposal p) {
        return amounts(p, y -> y.netChange);
    }

    private static List<YearAmountInput> amounts(Proposal p, Function<ProposalYear, Long> amount) {
        return p.years.stream().sorted(Comparator.comparingInt(y -> y.year))
                .map(y -> new YearAmountInput(y.year, amount.apply(y) == null ? 0L : amount.apply(y))).toList();
    }

    /** Everything but the version the same (texts compared as stripped, with one kind of line break). */
    private static boolean sameContent(ProposalInput a, ProposalInput b) {
        return a.title().strip().equals(b.title().strip()) && a.type() == b.type()
                && Objects.equals(text(a.classificationRationale()), text(b.classificationRationale()))
                && a.areaCode().equals(b.areaCode()) && a.origin().equals(b.origin())
                && Objects.equals(a.operatingChange(), b.operatingChange())
                && Objects.equals(a.investmentCost(), b.investmentCost())
                && Objects.equals(a.gains(), b.gains())
                && Objects.equals(text(a.serviceConsequences()), text(b.serviceConsequences()))
                && a.uncertainty() == b.uncertainty();
    }

    /** A text cell: stripped, CRLF as LF, null when empty. */
    private static String text(String text) {
        return text == null || text.isBlank() ? null : text.strip().replace("\r\n", "\n");
    }

    /**
     * The errors of one row, each named "row N: column", each once: a new proposal's description is its title, so an
     * empty Titel breaks both fields' rules with the same words.
     */
    private static final class Errors {

        private final int row;
        private final List<FieldError> list = new ArrayList<>();

        Errors(int row) {
            this.row = row;
        }

        void add(String column, String message) {
            FieldError error = new FieldError("row " + row + ": " + column, message);
            if (!list.contains(error)) {
                list.add(error);
            }
        }
    }
}

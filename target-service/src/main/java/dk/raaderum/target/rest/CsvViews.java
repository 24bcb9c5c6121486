package dk.raaderum.target.rest;

import dk.raaderum.platform.web.http.CsvWriter;
import dk.raaderum.platform.web.http.Responses;
import dk.raaderum.target.service.AdjustmentModels.AdjustmentsView;
import dk.raaderum.target.service.AdjustmentModels.Amount;
import dk.raaderum.target.service.AdjustmentModels.LineView;
import dk.raaderum.target.service.AllocationModels.AllocationView;
import dk.raaderum.target.service.AllocationModels.AreaAllocationView;
import dk.raaderum.target.service.AllocationModels.AreaYearView;
import dk.raaderum.target.service.AllocationModels.RoundSummary;
import dk.raaderum.target.service.BudgetModels.AreaView;
import dk.raaderum.target.service.BudgetModels.BudgetSummary;
import dk.raaderum.target.service.BudgetModels.BudgetView;
import dk.raaderum.target.service.CoverageModels.AreaCoverageView;
import dk.raaderum.target.service.CoverageModels.AreaDetail;
import dk.raaderum.target.service.CoverageModels.CoverageView;
import dk.raaderum.target.service.CoverageModels.CoverageYear;
import dk.raaderum.target.service.CoverageModels.ProposalView;
import dk.raaderum.target.service.KlModels.Count;
import dk.raaderum.target.service.KlModels.KlCoverage;
import dk.raaderum.target.service.KlModels.KlCoverageYear;
import dk.raaderum.target.service.KlModels.KlMainAccount;
import dk.raaderum.target.service.KlModels.KlTargetSummary;
import dk.raaderum.target.service.KlModels.YearDistribution;
import dk.raaderum.target.service.PathPlanModels.PathItem;
import dk.raaderum.target.service.PathPlanModels.PathPlanSummary;
import dk.raaderum.target.service.PathPlanModels.PathPlanView;
import dk.raaderum.target.service.PathPlanModels.PathView;
import dk.raaderum.target.service.PathPlanModels.PlanYear;
import dk.raaderum.target.service.PotentialModels.PotentialAreaView;
import dk.raaderum.target.service.PotentialModels.PotentialSummary;
import dk.raaderum.target.service.PotentialModels.PotentialView;
import dk.raaderum.target.service.TargetModels.TargetView;
import dk.raaderum.target.service.TargetModels.TargetYearView;
import dk.raaderum.target.service.YearValue;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * CSV representations for Danish Excel ({@link CsvWriter}: {@code ;}, UTF-8 with BOM), with Danish column names.
 * Amounts are whole kroner; decimals are written with {@code ,} as the decimal mark, as Danish Excel reads them.
 * HTTP translation only: every figure comes from a view the services computed.
 */
final class CsvViews {

    /** CSV lists hold at most this many items (the JSON lists are paged). */
    static final int LIMIT = 1000;

    private CsvViews() {
    }

    /** The price levels amounts were converted from, as {@code 2025 2026}; empty when none. */
    static String levels(List<Integer> convertedFrom) {
        return String.join(" ", convertedFrom.stream().map(String::valueOf).toList());
    }

    static Object orEmpty(Object value) {
        return value == null ? "" : value;
    }

    static Response attachment(String filename, Consumer<CsvWriter> rows) {
        StreamingOutput body = out -> {
            try (CsvWriter csv = CsvWriter.to(out)) {
                rows.accept(csv);
            }
        };
        return Responses.attachment(filename, CsvWriter.MEDIA_TYPE, body);
    }

    /** The same layout the CSV import reads: kode;navn;hovedkonto;udvalg;&lt;year&gt;… */
    static Response budget(BudgetView budget) {
        return attachment("grundbudget-" + budget.municipality() + "-" + budget.budgetYear() + ".csv", csv -> {
            List<Object> header = new ArrayList<>(Arrays.asList("kode", "navn", "hovedkonto", "udvalg"));
            header.addAll(budget.years());
            csv.row(header);
            for (AreaView area : budget.areas()) {
                List<Object> row = new ArrayList<>(Arrays.asList(area.code(), area.name(), area.mainAccount(), area.committee()));
                area.amounts().forEach(amount -> row.add(amount.amount()));
                csv.row(row);
            }
        });
    }

    static Response budgets(String municipality, List<BudgetSummary> budgets) {
        return attachment("grundbudgetter-" + municipality + ".csv", csv -> {
            csv.row("budgetår", "prisniveau", "områder", "år", "driftsbudget", "kilde", "importeret", "importeret_af",
                    "version");
            for (BudgetSummary budget : budgets) {
                for (YearValue total : budget.totals()) {
                    csv.row(budget.budgetYear(), budget.priceLevelYear(), budget.areaCount(), total.year(),
                            total.amount(), budget.source(), budget.importedAt(), budget.importedBy(), budget.version());
                }
            }
        });
    }

    static Response rounds(String municipality, long targetId, List<RoundSummary> rounds) {
        return attachment("runder-" + municipality + "-" + targetId + ".csv", csv -> {
            csv.row("mål_id", "runde", "nøgle", "afrunding", "begrundelse", "oprettet", "oprettet_af", "offentliggjort",
                    "år", "fordelt");
            for (RoundSummary round : rounds) {
                for (YearValue allocated : round.allocated()) {
                    csv.row(targetId, round.round(), round.key(), round.roundingUnit(), round.reason(),
                            round.createdAt(), round.createdBy(), round.publishedAt(), allocated.year(), allocated.amount());
                }
            }
        });
    }

    static Response potentials(String municipality, List<PotentialSummary> analyses) {
        return attachment("potentialeanalyser-" + municipality + ".csv", csv -> {
            csv.row("id", "navn", "budgetår", "n_billigste", "områder", "potentiale", "realistisk_potentiale", "komplet",
                    "opdateret", "version");
            for (PotentialSummary analysis : analyses) {
                csv.row(analysis.id(), analysis.name(), analysis.budgetYear(), analysis.rank(), analysis.areaCount(),
                        analysis.totalPotential(), analysis.realisticTotal(), yesNo(analysis.complete()),
                        analysis.updatedAt(), analysis.version());
            }
        });
    }

    static Response plans(String municipality, List<PathPlanSummary> plans) {
        return attachment("fem-veje-planer-" + municipality + ".csv", csv -> {
            csv.row("budgetår", "titel", "opdateret", "opdateret_af", "version");
            for (PathPlanSummary plan : plans) {
                csv.row(plan.budgetYear(), plan.title(), plan.updatedAt(), plan.updatedBy(), plan.version());
            }
        });
    }

    static Response area(String municipality, int budgetYear, String areaCode, AreaDetail detail) {
        return attachment("daekning-" + municipality + "-" + budgetYear + "-" + areaCode + ".csv", csv -> {
            csv.row("forslag_id", "nummer", "titel", "type", "status", "tæller", "år", "råderum", "vedtaget", "prisniveau",
                    "omregnet_fra");
            for (ProposalView proposal : detail.proposals()) {
                for (YearValue room : proposal.room()) {
                    csv.row(proposal.proposalId(), proposal.number(), proposal.title(), proposal.type(),
                            proposal.state(), yesNo(proposal.counts()), room.year(), room.amount(), proposal.adoptedAt(),
                            proposal.priceLevel().year(), orEmpty(proposal.priceLevel().convertedFrom()));
                }
            }
        });
    }

    static Response targets(String municipality, List<TargetView> targets) {
        return attachment("maal-" + municipality + ".csv", csv -> {
            csv.row("id", "budgetår", "navn", "status", "art", "virkning", "ansvarlig", "ansvarlig_navn", "år", "procent",
                    "beløb", "nyt_i_året", "krav_i_året", "driftsbudget", "krav_pct_af_budget", "runde", "offentliggjort_runde");
            for (TargetView target : targets) {
                for (TargetYearView year : target.years()) {
                    csv.row(target.id(), target.budgetYear(), target.name(), target.status(), target.kind(), target.mode(),
                            target.responsibleBody(), target.responsibleName(), year.year(), CsvWriter.decimal(year.percent()),
                            year.amount(), year.newAmount(), year.requirement(), year.budgetTotal(),
                            CsvWriter.decimal(year.requirementPercentOfBudget()), target.currentRound(), target.publishedRound());
                }
            }
        });
    }

    static Response allocation(String municipality, AllocationView view) {
        return attachment("fordeling-" + municipality + "-" + view.targetId() + "-runde-" + view.round() + ".csv", csv -> {
            csv.row("mål_id", "runde", "nøgle", "afrunding", "kode", "navn", "hovedkonto", "udvalg", "år", "budget",
                    "beløb", "pct_af_budget", "fritaget", "manuel", "reduktionsfaktor", "udgiftsindeks", "multiplikator",
                    "vægt", "andel_af_nøgle_pct");
            for (AreaAllocationView area : view.areas()) {
                for (AreaYearView year : area.years()) {
                    csv.row(view.targetId(), view.round(), view.key(), view.roundingUnit(), area.code(), area.name(),
                            area.mainAccount(), area.committee(), year.year(), year.budget(), year.amount(),
                            CsvWriter.decimal(year.percentOfBudget()), yesNo(area.exempt()), yesNo(year.manual()),
                            CsvWriter.decimal(area.reductionFactor()), CsvWriter.decimal(area.spendingIndex()), CsvWriter.decimal(area.multiplier()),
                            CsvWriter.decimal(area.customWeight()), CsvWriter.decimal(year.keyShare()));
                }
            }
        });
    }

    static Response potential(PotentialView view) {
        return attachment("potentiale-" + view.municipality() + "-" + view.id() + ".csv", csv -> {
            csv.row("placering", "kode", "navn", "enhed", "volumen", "egen_enhedsudgift", "benchmark_enhedsudgift",
                    "sammenligninger", "egen_placering", "forskel_pr_enhed", "potentiale", "realistisk_potentiale",
                    "andel_pct", "udgiftsindeks", "komplet");
            for (PotentialAreaView area : view.areas()) {
                csv.row(area.rank(), area.code(), area.name(), area.unitLabel(), CsvWriter.decimal(area.volume()),
                        area.ownUnitCost(), area.benchmarkUnitCost(), area.comparisons(), area.ownPosition(),
                        area.gapPerUnit(), area.potential(), area.realisticPotential(), CsvWriter.decimal(area.sharePercent()),
                        CsvWriter.decimal(area.spendingIndex()), yesNo(area.complete()));
            }
            csv.row("", "I ALT", "", "", "", "", "", "", "", "", view.totalPotential(), view.realisticTotal(), "", "", "");
        });
    }

    /**
     * The plan at its price level: {@code prisniveau} on every line, {@code omregnet_fra} the levels the line's amounts
     * were converted from (a path's items; for TOTAL, GAP and NET everything the plan converted).
     */
    static Response plan(PathPlanView plan) {
        return attachment("fem-veje-" + plan.municipality() + "-" + plan.budgetYear() + ".csv", csv -> {
            List<Object> header = new ArrayList<>(Arrays.asList("linje", "navn"));
            header.addAll(plan.years());
            header.addAll(List.of("i_alt", "andel_pct", "prisniveau", "omregnet_fra"));
            csv.row(header);
            int level = plan.priceLevel().year();
            for (PathView path : plan.paths()) {
                List<Object> row = new ArrayList<>(Arrays.asList(path.path(), path.name()));
                path.years().forEach(year -> row.add(year.amount()));
                row.addAll(List.of(path.total(), CsvWriter.decimal(path.sharePercent()), level,
                        levels(path.priceLevel().convertedFrom())));
                csv.row(row);
            }
            String all = levels(plan.priceLevel().convertedFrom());
            String needed = plan.roomNeededPriceLevel() == null ? ""
                    : String.valueOf(orEmpty(plan.roomNeededPriceLevel().convertedFrom()));
            String expansions = levels(plan.expansions().stream().map(item -> item.priceLevel().convertedFrom())
                    .filter(java.util.Objects::nonNull).distinct().sorted().toList());
            summaryRow(csv, "TOTAL", "Råderum i alt", plan.summary(), PlanYear::totalRoom, level, all);
            summaryRow(csv, "NEEDED", "Behov", plan.summary(), PlanYear::needed, level, needed);
            summaryRow(csv, "GAP", "Mangler", plan.summary(), PlanYear::gap, level, all);
            summaryRow(csv, "EXPANSIONS", "Budgetudvidelser (forbrugt råderum)", plan.summary(), PlanYear::expansions,
                    level, expansions);
            summaryRow(csv, "NET", "Nettoråderum", plan.summary(), PlanYear::netRoom, level, all);
            for (PathView path : plan.paths()) {
                for (PathItem item : path.items()) {
                    List<Object> row = new ArrayList<>(Arrays.asList(path.path() + ":" + item.label(), item.detail()));
                    item.amounts().forEach(amount -> row.add(amount.amount()));
                    row.add(item.amounts().stream().mapToLong(YearValue::amount).reduce(0, Math::addExact));
                    row.addAll(List.of("", level, orEmpty(item.priceLevel().convertedFrom())));
                    csv.row(row);
                }
            }
        });
    }

    private static void summaryRow(CsvWriter csv, String line, String name, List<PlanYear> years,
            java.util.function.Function<PlanYear, Long> value, int level, String convertedFrom) {
        List<Object> row = new ArrayList<>(Arrays.asList(line, name));
        Long sum = 0L;
        for (PlanYear year : years) {
            Long amount = value.apply(year);
            row.add(amount);
            sum = amount == null || sum == null ? null : sum + amount;
        }
        row.add(sum);
        row.add("");
        row.add(level);
        row.add(convertedFrom);
        csv.row(row);
    }

    static Response coverage(CoverageView view) {
        return attachment("daekning-" + view.municipality() + "-" + view.budgetYear() + ".csv", csv -> {
            csv.row("kode", "navn", "hovedkonto", "udvalg", "matchet", "forslag", "år", "mål", "dækket", "mangler",
                    "dækning_pct", "nået", "budgetudvidelser", "prisniveau", "omregnet_fra");
            List<AreaCoverageView> all = new ArrayList<>(view.areas());
            all.addAll(view.unmatched());
            int level = view.priceLevel().year();
            String from = levels(view.priceLevel().convertedFrom());
            for (AreaCoverageView area : all) {
                for (CoverageYear year : area.years()) {
                    csv.row(area.areaCode(), area.areaName(), area.mainAccount(), area.committee(), yesNo(area.matched()),
                            area.proposalCount(), year.year(), year.target(), year.covered(), year.gap(),
                            CsvWriter.decimal(year.coveragePercent()), yesNo(year.reached()), year.expansions(), level, from);
                }
            }
            for (CoverageYear year : view.totals()) {
                csv.row("I ALT", "", "", "", "", "", year.year(), year.target(), year.covered(), year.gap(),
                        CsvWriter.decimal(year.coveragePercent()), yesNo(year.reached()), year.expansions(), level, from);
            }
        });
    }

    static Response klTargets(KlTargetSummary summary) {
        return attachment("kl-maal-" + summary.budgetYear() + ".csv", csv -> {
            csv.row("figur", "nøgle", "år", "kommuner", "min", "nedre_kvartil", "median", "øvre_kvartil", "max",
                    "gennemsnit", "antal");
            csv.row("kommuner_med_mål", "", summary.budgetYear(), summary.municipalities(), "", "", "", "", "", "",
                    summary.targets());
            for (YearDistribution year : summary.requirementPercent()) {
                var d = year.distribution();
                csv.row("krav_pct_af_driftsbudget", "", year.year(), year.municipalities(),
                        d == null ? "" : CsvWriter.decimal(d.min()), d == null ? "" : CsvWriter.decimal(d.lowerQuartile()),
                        d == null ? "" : CsvWriter.decimal(d.median()), d == null ? "" : CsvWriter.decimal(d.upperQuartile()),
                        d == null ? "" : CsvWriter.decimal(d.max()), d == null ? "" : CsvWriter.decimal(d.mean()), "");
            }
            counts(csv, "fordelingsnøgle", summary.byKey());
            counts(csv, "ansvarlig", summary.byResponsibleBody());
            counts(csv, "art", summary.byKind());
            counts(csv, "virkning", summary.byMode());
            csv.row("andel_med_fritagelser_pct", "", "", "", "", "", "", "", "", "",
                    CsvWriter.decimal(summary.withExemptionsPercent()));
        });
    }

    private static void counts(CsvWriter csv, String figure, List<Count> counts) {
        for (Count count : counts) {
            csv.row(figure, count.value(), "", "", "", "", "", "", "", "", count.targets());
        }
    }

    static Response klCoverage(KlCoverage coverage) {
        return attachment("kl-daekning-" + coverage.budgetYear() + ".csv", csv -> {
            csv.row("hovedkonto", "navn", "år", "kommuner", "skjult", "mål", "dækket", "dækning_pct", "områder_nået",
                    "områder");
            for (KlMainAccount account : coverage.mainAccounts()) {
                for (KlCoverageYear year : account.years()) {
                    csv.row(account.mainAccount(), account.name(), year.year(), year.municipalities(),
                            yesNo(year.suppressed()), year.target(), year.covered(), CsvWriter.decimal(year.coveragePercent()),
                            year.areasReached(), year.areas());
                }
            }
        });
    }

    /** One line per technical adjustment: linje;art;kode;navn;dato;beskrivelse;kompenseret;&lt;year&gt;… */
    static Response adjustments(AdjustmentsView view) {
        return attachment("tekniske-reguleringer-" + view.municipality() + "-" + view.budgetYear() + ".csv", csv -> {
            List<Object> header = new ArrayList<>(Arrays.asList("linje", "art", "kode", "navn", "dato", "beskrivelse",
                    "kompenseret"));
            header.addAll(view.years());
            header.add("prisniveau");
            csv.row(header);
            for (LineView line : view.lines()) {
                List<Object> row = new ArrayList<>(Arrays.asList(line.lineId(), line.kind(), line.areaCode(),
                        line.areaName(), line.dated(), line.description(), yesNo(line.compensated())));
                line.amounts().stream().map(Amount::amount).forEach(row::add);
                row.add(view.priceLevelYear());
                csv.row(row);
            }
        });
    }

    private static String yesNo(boolean value) {
        return value ? "ja" : "nej";
    }
}

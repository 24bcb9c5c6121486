package dk.raaderum.followup.service;

import dk.raaderum.followup.domain.Rag;
import dk.raaderum.followup.domain.Thresholds;
import dk.raaderum.followup.repository.FigureRepository.InitiativeYearRow;
import dk.raaderum.followup.service.FigureModels.FiguresView;
import dk.raaderum.platform.web.text.KronerText;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;

/** Sums initiative-years into the figures of a group (an area, a type, a municipality, …). */
final class Figures {

    /** Danish headers of {@link #csv(FiguresView)}'s columns. */
    static final List<String> CSV_HEADER = List.of("Initiativer", "Vedtagne gevinster (kr.)",
            "Investeringsudgifter (kr.)", "Vedtaget netto (kr.)", "Forventet netto (kr.)",
            "Forventet, rapporteret (kr.)", "Realiseret (kr.)", "Realiseringsgrad (%)", "Gevinster i risiko (kr.)",
            "Grønne", "Gule", "Røde", "Rapport overskredet", "Afventer rapport", "Intet at rapportere",
            "Rapporter afleveret", "Rapporter overskredet", "Rapporteringsgrad (%)");

    private final String key;
    private final String label;
    private int initiatives;
    private long adoptedGains;
    private long investmentCosts;
    private long adoptedNet;
    private long expected;
    private long expectedReported;
    private long realised;
    private long gainsAtRisk;
    private int green;
    private int amber;
    private int red;
    private int overdue;
    private int pending;
    private int noReportDue;
    private int reportedReports;
    private int overdueReports;

    Figures(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** Classifies the initiative-year: its RAG status when it has reports, else overdue, pending or nothing due. */
    static Rag rag(InitiativeYearRow row, Thresholds thresholds) {
        return row.reportedSlots() > 0 ? thresholds.rag(Thresholds.ratio(row.realised(), row.expectedReported())) : null;
    }

    Figures add(InitiativeYearRow row, Rag rag) {
        initiatives++;
        adoptedGains = Math.addExact(adoptedGains, row.adoptedGains());
        investmentCosts = Math.addExact(investmentCosts, row.investmentCosts());
        adoptedNet = Math.addExact(adoptedNet, row.adopted());
        expected += row.expected();
        expectedReported += row.expectedReported();
        realised += row.realised();
        gainsAtRisk += row.gainsAtRisk();
        reportedReports += row.reportedSlots();
        overdueReports += row.overdueSlots();
        if (row.reportedSlots() > 0) {
            switch (rag == null ? Rag.RED : rag) {
                case GREEN -> green++;
                case AMBER -> amber++;
                case RED -> red++;
            }
        } else if (row.overdueSlots() > 0) {
            overdue++;
        } else if (row.pendingSlots() > 0) {
            pending++;
        } else {
            noReportDue++;
        }
        return this;
    }

    FiguresView view() {
        BigDecimal reportingRate = reportedReports + overdueReports == 0 ? null
                : BigDecimal.valueOf(reportedReports).divide(BigDecimal.valueOf(reportedReports + overdueReports), 4,
                        RoundingMode.HALF_UP);
        return new FiguresView(key, label, initiatives, adoptedGains, investmentCosts, adoptedNet, expected, expectedReported, realised,
                Thresholds.ratio(realised, expectedReported), gainsAtRisk, green, amber, red, overdue, pending,
                noReportDue, reportedReports, overdueReports, reportingRate);
    }

    /** The CSV columns after the group's own, in {@link #CSV_HEADER} order. */
    static List<Object> csv(FiguresView f) {
        return Arrays.asList(f.initiatives(), f.adoptedGains(), f.investmentCosts(), f.adoptedNet(), f.expected(), f.expectedReported(), f.realised(),
                KronerText.percent(f.realisationRate()), f.gainsAtRisk(), f.green(), f.amber(), f.red(), f.overdue(),
                f.pending(), f.noReportDue(), f.reportedReports(), f.overdueReports(), KronerText.percent(f.reportingRate()));
    }
}

package dk.raaderum.proposal.service.export;

import dk.raaderum.proposal.domain.OriginKind;
import dk.raaderum.proposal.service.ProposalModels.OriginInput;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A proposal's origin as the export's {@code Oprindelse} column shows it ({@code Parti: Venstre}, {@code Idébanken #12},
 * {@code Anden kommune (329)}), and the same text read back by an import.
 */
public final class OriginLabels {

    private static final String ADMINISTRATION = "Administrationen";
    private static final String PARTY = "Parti: ";
    private static final String STAFF = "Medarbejdere (MED)";
    private static final String CITIZEN = "Borger";
    private static final String BUSINESS = "Erhverv";
    private static final String IDEA_BANK = "Idébanken #";
    private static final Pattern IDEA = Pattern.compile("Idébanken #(\\d{1,18})", Pattern.CASE_INSENSITIVE);
    private static final Pattern MUNICIPALITY = Pattern.compile("Anden kommune \\((\\d{3})\\)", Pattern.CASE_INSENSITIVE);

    private OriginLabels() {
    }

    public static String label(OriginKind kind, String party, Long ideaId, String municipalityCode) {
        return switch (kind) {
            case ADMINISTRATION -> ADMINISTRATION;
            case POLITICAL_PARTY -> PARTY + party;
            case STAFF -> STAFF;
            case CITIZEN -> CITIZEN;
            case BUSINESS -> BUSINESS;
            case IDEA_BANK -> IDEA_BANK + ideaId;
            case OTHER_MUNICIPALITY -> "Anden kommune (" + municipalityCode + ")";
        };
    }

    /** The origin a label names (case and surrounding spaces ignored), or empty for a text no label has. */
    public static Optional<OriginInput> parse(String label) {
        String text = label.strip();
        for (OriginKind kind : new OriginKind[] { OriginKind.ADMINISTRATION, OriginKind.STAFF, OriginKind.CITIZEN,
                OriginKind.BUSINESS }) {
            if (label(kind, null, null, null).equalsIgnoreCase(text)) {
                return Optional.of(new OriginInput(kind, null, null, null));
            }
        }
        if (text.regionMatches(true, 0, PARTY, 0, PARTY.length()) && !text.substring(PARTY.length()).isBlank()) {
            return Optional.of(new OriginInput(OriginKind.POLITICAL_PARTY, text.substring(PARTY.length()).strip(), null,
                    null));
        }
        Matcher idea = IDEA.matcher(text);
        if (idea.matches()) {
            return Optional.of(new OriginInput(OriginKind.IDEA_BANK, null, Long.valueOf(idea.group(1)), null));
        }
        Matcher municipality = MUNICIPALITY.matcher(text);
        if (municipality.matches()) {
            return Optional.of(new OriginInput(OriginKind.OTHER_MUNICIPALITY, null, null, municipality.group(1)));
        }
        return Optional.empty();
    }

    /** The labels, for a message about a text that is none of them. */
    public static String examples() {
        return String.join(", ", ADMINISTRATION, PARTY + "<parti>", STAFF, CITIZEN, BUSINESS, IDEA_BANK + "<id>",
                "Anden kommune (<kode>)");
    }
}

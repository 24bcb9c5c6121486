package dk.raaderum.proposal.service.demo;

import dk.raaderum.platform.events.ProposalType;

import java.util.List;

/** Realistic Danish catalog entries for the demo data; amounts are the full-year effect in kroner before scaling. */
final class DemoTemplates {

    record Template(String area, ProposalType type, String title, String description, String rationale,
            String consequences, long fullYear) {
    }

    static final String[] VARIANTS = { "udvidet model", "fase 2", "nordlige distrikt", "sydlige distrikt",
            "i samarbejde med nabokommuner", "trinvis indfasning" };

    private static Template s(String area, String title, String description, String consequences, long amount) {
        return new Template(area, ProposalType.SAVING, title, description,
                "Reducerer serviceniveauet eller ressourcerne på området, derfor en besparelse.", consequences, amount);
    }

    private static Template e(String area, String title, String description, long amount) {
        return new Template(area, ProposalType.EFFICIENCY, title, description,
                "Samme service med færre ressourcer efter en business case; borgerne mærker ikke en forringelse.", null,
                amount);
    }

    private static Template i(String area, String title, String description, long amount) {
        return new Template(area, ProposalType.INVESTMENT, title, description,
                "Kræver en investering først og giver en driftsgevinst senere, derfor en investering.", null, amount);
    }

    private static Template x(String area, String title, String description, long amount) {
        return new Template(area, ProposalType.EXPANSION, title, description,
                "Højere serviceniveau der koster penge, derfor en budgetudvidelse.", null, amount);
    }

    static final List<Template> ALL = List.of(
            e("ÆLD", "Videobesøg i hjemmeplejen", "Udvalgte besøg til medicinpåmindelse og tilsyn erstattes af videobesøg for borgere der ønsker det.", 1_800_000),
            s("ÆLD", "Rengøring hver tredje uge", "Praktisk hjælp til rengøring ændres fra hver anden til hver tredje uge.", "Borgere får gjort rent sjældnere.", 2_400_000),
            i("ÆLD", "Rehabiliteringsforløb før hjemmehjælp", "Alle nye ansøgere tilbydes et rehabiliteringsforløb før der visiteres varig hjælp.", 3_000_000),
            e("ÆLD", "Ruteplanlægning med optimeringsværktøj", "Kørselsruter i hjemmeplejen planlægges med et optimeringsværktøj.", 900_000),
            s("ÆLD", "Lukning af aktivitetscenter i weekender", "Kommunens aktivitetscentre holdes lukket lørdag og søndag.", "Færre aktivitetstilbud i weekenden.", 650_000),
            x("ÆLD", "Flere hænder på plejecentrene", "Normeringen på plejecentrene øges med to fuldtidsstillinger pr. center.", 4_200_000),
            e("ÆLD", "Fælles indkøb af hjælpemidler", "Hjælpemidler købes ind i fælles udbud med nabokommunerne.", 700_000),
            i("ÆLD", "Velfærdsteknologi: vasketoiletter", "Indkøb af vasketoiletter, der gør borgerne selvhjulpne ved toiletbesøg.", 1_200_000),
            s("SUN", "Reduceret åbningstid i sundhedshuset", "Sundhedshuset lukker kl. 15 i stedet for kl. 18.", "Borgere kan ikke møde op om eftermiddagen.", 500_000),
            e("SUN", "Digital genoptræning", "Genoptræning efter sygehusophold suppleres med træningsapp og videovejledning.", 800_000),
            i("SUN", "Forebyggelse af genindlæggelser", "Opsporende hjemmebesøg efter udskrivning for at undgå genindlæggelser.", 1_500_000),
            x("SUN", "Rygestopkurser til unge", "Gratis rygestopforløb på ungdomsuddannelserne.", 600_000),
            s("SOC", "Færre timer i bostøtte", "Bostøtten efter servicelovens § 85 tilrettelægges med færre ugentlige timer.", "Borgere får færre timer med en bostøttemedarbejder.", 2_000_000),
            e("SOC", "Hjemtagning af botilbudspladser", "Borgere i dyre eksterne botilbud tilbydes plads i kommunens egne tilbud.", 3_500_000),
            i("SOC", "Nyt bofællesskab i egen kommune", "Opførelse af bofællesskab med 12 pladser, så færre pladser købes eksternt.", 4_000_000),
            e("SOC", "Fælles visitationsteam", "Visitation på handicap- og psykiatriområdet samles i ét team.", 600_000),
            x("SOC", "Værested for psykisk sårbare", "Nyt værested med åbent tilbud fire dage om ugen.", 1_100_000),
            s("DAG", "Lukkedage i dagtilbud i skolernes ferier", "Tre ekstra lukkedage, hvor der tilbydes fælles nødpasning.", "Forældre skal holde fri eller bruge nødpasning.", 1_300_000),
            e("DAG", "Fælles ledelse af små børnehuse", "Børnehuse med under 40 børn får fælles ledelse.", 1_600_000),
            x("DAG", "Minimumsnormeringer før tid", "Minimumsnormeringerne indfases et år før lovkravet.", 5_000_000),
            e("DAG", "Digital kommunikation med forældre", "Papirsedler og opslag erstattes af forældreintra.", 300_000),
            s("DAG", "Reduceret budget til legetøj og materialer", "Budgettet til legetøj og materialer nedsættes med 20 pct.", "Færre nye materialer i institutionerne.", 450_000),
            s("SKO", "Større klasser på mellemtrinnet", "Klassedannelse med op til 26 elever på 4.-6. klassetrin.", "Flere elever pr. lærer.", 3_800_000),
            e("SKO", "Samling af skoleadministration", "Skolernes administration samles i et fælles sekretariat.", 1_400_000),
            i("SKO", "Energirenovering af skolebygninger", "LED-belysning og ventilationsstyring på syv skoler.", 2_200_000),
            x("SKO", "Lektiecafé i udskolingen", "Lektiecafé to eftermiddage om ugen på alle skoler.", 900_000),
            e("SKO", "Fælles indkøb af undervisningsmidler", "Undervisningsmidler købes centralt i stedet for skole for skole.", 500_000),
            s("SKO", "Færre timer i SFO", "SFO åbner kl. 7 i stedet for kl. 6.30.", "Tidligt morgentilbud bortfalder.", 700_000),
            i("BOR", "Tidlig indsats i familier", "Familiebehandling tilbydes før der iværksættes anbringelse.", 3_200_000),
            e("BOR", "Plejefamilier frem for institution", "Flere anbragte børn placeres i plejefamilier i stedet for på institution.", 2_800_000),
            s("BOR", "Færre aflastningsdøgn", "Aflastningstilbud til familier med børn med handicap reduceres.", "Familier får færre aflastningsdøgn.", 1_000_000),
            x("BOR", "Flere sundhedsplejebesøg", "Ekstra sundhedsplejebesøg til førstegangsforældre.", 800_000),
            e("BES", "Hurtigere afklaring i jobcentret", "Ledige får første samtale inden for en uge.", 2_500_000),
            i("BES", "Virksomhedspraktik for unge", "Praktikkonsulenter der skaffer pladser til unge på uddannelseshjælp.", 2_000_000),
            s("BES", "Lukning af intern aktiveringsværksted", "Værkstedet lukkes og borgerne henvises til virksomhedspraktik.", "Tilbud i eget værksted bortfalder.", 1_700_000),
            e("BES", "Digital selvbetjening for ledige", "Ledige booker samtaler og ser deres plan digitalt.", 400_000),
            s("KUL", "Kortere åbningstid på biblioteker", "Betjent åbningstid reduceres; selvbetjent åbent uændret.", "Færre timer med personale.", 900_000),
            e("KUL", "Fælles drift af idrætshaller", "Idrætshallerne drives af én fælles driftsorganisation.", 600_000),
            s("KUL", "Lavere tilskud til foreninger", "Lokaletilskuddet til foreninger nedsættes fra 75 til 65 pct.", "Foreninger skal selv betale mere.", 800_000),
            x("KUL", "Ny skaterbane", "Anlæg og drift af skaterbane ved idrætsparken.", 350_000),
            s("TEK", "Sjældnere græsslåning", "Græsarealer i parker slås hver tredje uge.", "Parkerne ser mindre velholdte ud.", 600_000),
            e("TEK", "Elbiler i kommunens flåde", "Kommunens bilpark udskiftes til elbiler ved udløb af leasing.", 500_000),
            i("TEK", "LED-gadelys", "Udskiftning af 4.000 gadelamper til LED med styring.", 1_800_000),
            s("TEK", "Vintertjeneste på færre veje", "Saltning på mindre veje sker kun ved isslag.", "Glattere småveje om vinteren.", 1_100_000),
            x("TEK", "Flere cykelstier", "Pulje til nye cykelstier mellem landsbyerne.", 2_500_000),
            e("ADM", "Robotter til fakturahåndtering", "Softwarerobotter bogfører og matcher fakturaer.", 1_200_000),
            e("ADM", "Færre kvadratmeter til administration", "Administrationen samles på rådhuset; to lejemål opsiges.", 2_000_000),
            s("ADM", "Reduktion i ledelseslag", "Et ledelseslag i centralforvaltningen nedlægges.", "Længere vej fra medarbejder til direktion.", 2_600_000),
            i("ADM", "Digital post og selvbetjening", "Nye selvbetjeningsløsninger med automatisk sagsbehandling.", 1_600_000),
            e("ADM", "Genudbud af forsikringer", "Kommunens forsikringer genudbydes i fællesudbud.", 900_000));

    private DemoTemplates() {
    }

    static Template byTitle(String title) {
        return ALL.stream().filter(t -> title.startsWith(t.title())).findFirst().orElse(ALL.get(0));
    }
}

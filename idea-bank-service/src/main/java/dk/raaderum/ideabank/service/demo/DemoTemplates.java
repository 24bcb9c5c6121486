package dk.raaderum.ideabank.service.demo;

import dk.raaderum.platform.events.ProposalType;
import dk.raaderum.platform.web.http.CsvReader;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The demo idea bank's material ({@code idea-templates.csv}): about 120 realistic Danish budget proposals across
 * every policy area, written for this demo. Templates of the same group describe the same idea in other words, as two
 * municipalities would write it.
 */
final class DemoTemplates {

    /** One template; amounts are a mid-sized municipality's, scaled per municipality when used. */
    record Template(int group, String area, ProposalType type, String title, String summary, String description,
            String rationale, boolean reducesService, List<String> tags, String consequences, String contactRole,
            long fullYear, Long investment, BigDecimal payback) {
    }

    private DemoTemplates() {
    }

    static List<Template> load() {
        List<Template> templates = new ArrayList<>();
        try (InputStream in = DemoTemplates.class.getResourceAsStream("idea-templates.csv");
                CsvReader csv = CsvReader.of(in)) {
            csv.next();
            for (List<String> f = csv.next(); f != null; f = csv.next()) {
                templates.add(new Template(Integer.parseInt(f.get(0)), f.get(1), ProposalType.valueOf(f.get(2)), f.get(3),
                        f.get(4), f.get(5), f.get(6), f.get(7).equals("ja"), Arrays.asList(f.get(8).split(",")),
                        blank(f.get(9)), f.get(10), Long.parseLong(f.get(11)),
                        f.get(12).isEmpty() ? null : Long.valueOf(f.get(12)),
                        f.get(13).isEmpty() ? null : new BigDecimal(f.get(13))));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return templates;
    }

    private static String blank(String text) {
        return text.isBlank() ? null : text;
    }
}

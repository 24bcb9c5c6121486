package dk.raaderum.ideabank.repository;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * KL's view of the idea loop, computed in PostgreSQL from the proposals that came from ideas (idea_adoption) and the
 * follow-up of those adopted (initiative_evidence, initiative_report).
 */
@ApplicationScoped
public class UptakeRepository {

    /** What the uptake can be grouped by. */
    public enum Grouping {
        /** The national policy area. */
        AREA("i.area_code"),
        /** The idea family (ideas in no family are left out). */
        FAMILY("i.family_id::text");

        private final String column;

        Grouping(String column) {
            this.column = column;
        }
    }

    /** One group: published (or merged) ideas, those taken up, adopted and realised, and the kroner. */
    public record UptakeGroup(String key, String primaryTitle, long ideas, long takenUp, long adopted, long realised,
            long municipalitiesAdopting, long expected, long realisedKroner) {
    }

    /** One idea that travelled in the budget year: municipalities that copied it, presented and adopted it. */
    public record Spread(long ideaId, String title, String areaCode, String sourceMunicipality, long municipalities,
            long presented, long adopted, List<String> municipalityCodes) {
    }

    private static final String COUNTED = "i.status in ('PUBLISHED', 'MERGED')";

    private final Jdbc jdbc;

    public UptakeRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Per group, by key: three grouped passes (the ideas and their gains, the adopting municipalities, titles). */
    public List<UptakeGroup> groups(Grouping by) {
        String where = COUNTED + (by == Grouping.FAMILY ? " and i.family_id is not null" : "");
        Map<String, Long> adopters = counts(new Sql().append("select " + by.column + ", count(distinct a.municipality)"
                + " from idea_adoption a join idea i on i.id = a.idea_id where a.status = 'ADOPTED' and " + where
                + " group by 1"));
        Map<String, String> titles = by != Grouping.FAMILY ? Map.of() : jdbc.query(new Sql().append(
                "select fam.id::text, f.title from idea_family fam join idea f on f.id = fam.primary_idea_id"), rs -> {
                    Map<String, String> found = new HashMap<>();
                    while (rs.next()) {
                        found.put(rs.getString(1), rs.getString(2));
                    }
                    return found;
                });
        Sql sql = new Sql().append("""
                with ad as (select idea_id, bool_or(via <> 'SHARED') as taken, bool_or(status = 'ADOPTED') as adopted
                              from idea_adoption group by idea_id),
                     gains as (select a.idea_id, sum(r.expected) as expected, sum(r.realised) as realised
                                 from idea_adoption a
                                 join initiative_evidence e on e.proposal_id = a.proposal_id
                                 join initiative_report r on r.initiative_id = e.initiative_id
                                group by a.idea_id)
                """).append("select " + by.column + ", count(*), count(*) filter (where ad.taken),"
                + " count(*) filter (where ad.adopted), count(*) filter (where g.realised > 0),"
                + " coalesce(sum(g.expected), 0), coalesce(sum(g.realised), 0)"
                + " from idea i left join ad on ad.idea_id = i.id left join gains g on g.idea_id = i.id"
                + " where " + where + " group by 1 order by 1");
        return jdbc.query(sql, rs -> {
            List<UptakeGroup> groups = new ArrayList<>();
            while (rs.next()) {
                String key = rs.getString(1);
                groups.add(new UptakeGroup(key, titles.get(key), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), adopters.getOrDefault(key, 0L), rs.getLong(6), rs.getLong(7)));
            }
            return groups;
        });
    }

    private Map<String, Long> counts(Sql sql) {
        return jdbc.query(sql, rs -> {
            Map<String, Long> counts = new HashMap<>();
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
            return counts;
        });
    }

    /** The ideas copied into the most municipalities' catalogs of the budget year, most first. */
    public List<Spread> spread(int budgetYear, int limit) {
        Sql sql = new Sql().append("""
                select i.id, i.title, i.area_code, i.source_municipality, count(distinct a.municipality),
                       count(distinct a.municipality) filter (where a.presented),
                       count(distinct a.municipality) filter (where a.status = 'ADOPTED'),
                       array_agg(distinct a.municipality order by a.municipality)
                  from idea_adoption a join idea i on i.id = a.idea_id
                 where a.budget_year = ? and a.via <> 'SHARED'
                 group by i.id order by 5 desc, 7 desc, 6 desc, i.id limit ?""", budgetYear, limit);
        return jdbc.query(sql, rs -> {
            List<Spread> spread = new ArrayList<>();
            while (rs.next()) {
                spread.add(new Spread(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), Arrays.asList((String[]) rs.getArray(8).getArray())));
            }
            return spread;
        });
    }
}

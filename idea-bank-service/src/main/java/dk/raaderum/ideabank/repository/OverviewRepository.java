package dk.raaderum.ideabank.repository;

import dk.raaderum.ideabank.domain.IdeaStatus;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** KL's aggregates of the idea bank, computed in PostgreSQL per dimension (one of the grouping columns below). */
@ApplicationScoped
public class OverviewRepository {

    /** What the ideas can be grouped by: the column it groups on. */
    public enum Dimension {
        AREA("i.area_code"), TYPE("i.type"), BUDGET_YEAR("i.budget_year::text"), MUNICIPALITY("i.source_municipality");

        private final String column;

        Dimension(String column) {
            this.column = column;
        }
    }

    /** One group: ideas, municipalities credited (family members' included) and the amounts of years 1–4. */
    public record Group(String key, long ideas, long municipalities, long withAmounts, long[] yearTotals) {
    }

    private final Jdbc jdbc;

    public OverviewRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The groups by key, ordered by key: two passes over the ideas (amounts, then credited municipalities). */
    public Map<String, Group> groups(Dimension by, Set<IdeaStatus> statuses) {
        String[] wanted = statuses.stream().map(Enum::name).toArray(String[]::new);
        Map<String, Long> municipalities = jdbc.query(new Sql().append("select " + by.column + ", count(distinct m)"
                + " from idea i, unnest(i.family_municipalities) m where i.status = any(?) group by 1", (Object) wanted),
                rs -> {
                    Map<String, Long> counts = new LinkedHashMap<>();
                    while (rs.next()) {
                        counts.put(rs.getString(1), rs.getLong(2));
                    }
                    return counts;
                });
        Sql sql = new Sql().append("select " + by.column + ", count(*), count(i.max_yearly_amount),"
                + " coalesce(sum(i.amount_year1), 0), coalesce(sum(i.amount_year2), 0), coalesce(sum(i.amount_year3), 0),"
                + " coalesce(sum(i.amount_year4), 0) from idea i where i.status = any(?) group by 1 order by 1",
                (Object) wanted);
        return jdbc.query(sql, rs -> {
            Map<String, Group> groups = new LinkedHashMap<>();
            while (rs.next()) {
                String key = rs.getString(1);
                groups.put(key, new Group(key, rs.getLong(2), municipalities.getOrDefault(key, 0L), rs.getLong(3),
                        new long[] { rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7) }));
            }
            return groups;
        });
    }

    /** The municipalities credited with at least one idea in the statuses. */
    public long municipalities(Set<IdeaStatus> statuses) {
        return jdbc.query(new Sql().append("select count(distinct m) from idea i, unnest(i.family_municipalities) m"
                + " where i.status = any(?)", (Object) statuses.stream().map(Enum::name).toArray(String[]::new)),
                rs -> rs.next() ? rs.getLong(1) : 0L);
    }
}

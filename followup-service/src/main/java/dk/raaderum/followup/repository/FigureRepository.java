package dk.raaderum.followup.repository;

import dk.raaderum.followup.domain.EvidenceLevel;
import dk.raaderum.followup.domain.InitiativeStatus;
import dk.raaderum.platform.events.ProposalType;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read queries behind the dashboard, KL's overview and the open data: aggregates in SQL over the register,
 * returned as rows (never entities).
 */
@ApplicationScoped
public class FigureRepository {

    /**
     * Per initiative and year: the year's amounts and its stored slot figures (domain.YearRealisation), the expected
     * amount of its PENDING slots and the initiative's price level (for PL-regulering of the dashboard). The pending
     * amounts are summed once per initiative in a join (report_slot_pending_year_idx), not looked up row by row: at
     * 50,000 initiatives of one municipality 66–120 ms instead of 210–243 ms in PostgreSQL. {@code %1$s} and
     * {@code %2$s}: the municipality conditions.
     */
    private static final String INITIATIVE_YEARS = """
            select i.id, i.municipality, i.title, i.area_code, i.area_name, i.area_main_account, i.type, i.catalog_year,
                   i.status, y.adopted, y.expected, y.expected_reported, y.realised, y.reported_slots, y.overdue_slots,
                   y.pending_slots, y.gains_at_risk, y.gain, y.investment_cost, i.price_level_year,
                   coalesce(p.pending, 0)
            from initiative_year y
            join initiative i on i.id = y.initiative_id
            left join (select s.initiative_id, sum(s.expected) as pending from report_slot s
                       where s.year = :year and s.status = 'PENDING'%1$s
                       group by s.initiative_id) p on p.initiative_id = i.id
            where y.year = :year%2$s""";

    private final EntityManager entityManager;

    public FigureRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Every initiative-year of a municipality (initiative_year_municipality_year_idx) or, with null, of all
     * municipalities (initiative_year_year_idx) in {@code year}.
     */
    public List<InitiativeYearRow> initiativeYears(String municipality, int year) {
        String sql = municipality == null ? INITIATIVE_YEARS.formatted("", "")
                : INITIATIVE_YEARS.formatted(" and s.municipality = :municipality",
                        " and y.municipality = :municipality and i.municipality = :municipality");
        Query query = entityManager.createNativeQuery(sql).setParameter("year", year);
        if (municipality != null) {
            query.setParameter("municipality", municipality);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<InitiativeYearRow> result = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            result.add(new InitiativeYearRow(num(r[0]), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (int) num(r[5]), ProposalType.valueOf((String) r[6]), (int) num(r[7]),
                    InitiativeStatus.valueOf((String) r[8]), num(r[9]), num(r[10]), num(r[11]), num(r[12]),
                    (int) num(r[13]), (int) num(r[14]), (int) num(r[15]), num(r[16]), nullableNum(r[17]),
                    nullableNum(r[18]), (int) num(r[19]), num(r[20])));
        }
        return result;
    }

    /**
     * Open data: realised gains per municipality, catalog year, area and year over REPORTED slots only (so only
     * initiatives with at least one report appear), optionally filtered, ordered for reading.
     */
    public List<RealisedGainsRow> realisedGains(OpenDataFilter filter, Integer offset, Integer limit) {
        StringBuilder sql = new StringBuilder("""
                select i.municipality, i.catalog_year, i.area_code, i.area_name, s.year,
                       count(distinct i.id), sum(s.expected), sum(s.realised),
                       coalesce(sum(s.realised) filter (where s.evidence_level = 'DOCUMENTED'), 0),
                       coalesce(sum(s.realised) filter (where s.evidence_level = 'PROBABLE'), 0),
                       coalesce(sum(s.realised) filter (where s.evidence_level = 'ESTIMATE'), 0),
                       i.price_level_year
                from report_slot s join initiative i on i.id = s.initiative_id
                where s.status = 'REPORTED'""");
        Map<String, Object> params = filter(sql, filter);
        sql.append(" group by i.municipality, i.catalog_year, i.area_code, i.area_name, s.year, i.price_level_year"
                + " order by i.municipality, i.catalog_year, i.area_code, i.area_name, s.year, i.price_level_year");
        page(sql, params, offset, limit);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(entityManager.createNativeQuery(sql.toString()), params).getResultList();
        List<RealisedGainsRow> result = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            result.add(new RealisedGainsRow((String) r[0], (int) num(r[1]), (String) r[2], (String) r[3], (int) num(r[4]),
                    (int) num(r[5]), num(r[6]), num(r[7]), num(r[8]), num(r[9]), num(r[10]), (int) num(r[11])));
        }
        return result;
    }

    public long countRealisedGains(OpenDataFilter filter) {
        StringBuilder sql = new StringBuilder("""
                select count(*) from (select 1 from report_slot s join initiative i on i.id = s.initiative_id
                where s.status = 'REPORTED'""");
        Map<String, Object> params = filter(sql, filter);
        sql.append(" group by i.municipality, i.catalog_year, i.area_code, i.area_name, s.year, i.price_level_year) g");
        return num(bind(entityManager.createNativeQuery(sql.toString()), params).getSingleResult());
    }

    /**
     * Open data per initiative: the reported years of initiatives with at least one report, ordered by
     * municipality, catalog year and id. {@code offset}/{@code limit} count initiatives, not years.
     */
    public List<OpenInitiativeYearRow> openInitiatives(OpenDataFilter filter, Integer offset, Integer limit) {
        StringBuilder ids = new StringBuilder("""
                select distinct i.municipality, i.catalog_year, i.id from initiative i
                join report_slot s on s.initiative_id = i.id
                where s.status = 'REPORTED'""");
        Map<String, Object> params = filter(ids, filter);
        ids.append(" order by i.municipality, i.catalog_year, i.id");
        page(ids, params, offset, limit);
        String sql = """
                select i.id, i.municipality, i.catalog_year, i.proposal_number, i.title, i.type, i.area_code, i.area_name,
                       i.status, s.year, sum(s.expected), sum(s.realised),
                       max(case s.evidence_level when 'DOCUMENTED' then 0 when 'PROBABLE' then 1 else 2 end),
                       i.price_level_year
                from (%s) p
                join initiative i on i.id = p.id
                join report_slot s on s.initiative_id = i.id and s.status = 'REPORTED'%s
                group by i.id, s.year
                order by i.municipality, i.catalog_year, i.id, s.year""".formatted(ids,
                filter.year() == null ? "" : " and s.year = :year");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(entityManager.createNativeQuery(sql), params).getResultList();
        List<OpenInitiativeYearRow> result = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            result.add(new OpenInitiativeYearRow(num(r[0]), (String) r[1], (int) num(r[2]), (String) r[3], (String) r[4],
                    ProposalType.valueOf((String) r[5]), (String) r[6], (String) r[7],
                    InitiativeStatus.valueOf((String) r[8]), (int) num(r[9]), num(r[10]), num(r[11]),
                    EvidenceLevel.values()[(int) num(r[12])], (int) num(r[13])));
        }
        return result;
    }

    public long countOpenInitiatives(OpenDataFilter filter) {
        StringBuilder sql = new StringBuilder("""
                select count(distinct i.id) from initiative i join report_slot s on s.initiative_id = i.id
                where s.status = 'REPORTED'""");
        Map<String, Object> params = filter(sql, filter);
        return num(bind(entityManager.createNativeQuery(sql.toString()), params).getSingleResult());
    }

    private static Map<String, Object> filter(StringBuilder sql, OpenDataFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.municipality() != null) {
            sql.append(" and i.municipality = :municipality");
            params.put("municipality", filter.municipality());
        }
        if (filter.catalogYear() != null) {
            sql.append(" and i.catalog_year = :catalogYear");
            params.put("catalogYear", filter.catalogYear());
        }
        if (filter.year() != null) {
            sql.append(" and s.year = :year");
            params.put("year", filter.year());
        }
        return params;
    }

    private static void page(StringBuilder sql, Map<String, Object> params, Integer offset, Integer limit) {
        if (limit != null) {
            sql.append(" offset :offset limit :limit");
            params.put("offset", offset == null ? 0 : offset);
            params.put("limit", limit);
        }
    }

    private static Query bind(Query query, Map<String, Object> params) {
        params.forEach(query::setParameter);
        return query;
    }

    private static Long nullableNum(Object value) {
        return value == null ? null : num(value);
    }

    private static long num(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** Filters of the open data; null means "any". */
    public record OpenDataFilter(String municipality, Integer catalogYear, Integer year) {
    }

    /**
     * One initiative in one year: adopted/expected of the year (net: for an INVESTMENT gains − investment cost);
     * expectedReported/realised/reportedSlots over its REPORTED slots; overdue/pending slot counts; the gains at risk;
     * gain and investmentCost: an INVESTMENT's gross gain and investment cost of the year (null for other types); the
 * initiative's price level and the expected amount of its PENDING slots (for PL-regulering of the dashboard).
     */
    public record InitiativeYearRow(long initiativeId, String municipality, String title, String areaCode,
            String areaName, int mainAccount, ProposalType type, int catalogYear, InitiativeStatus status, long adopted,
            long expected, long expectedReported, long realised, int reportedSlots, int overdueSlots, int pendingSlots,
            long gainsAtRisk, Long gain, Long investmentCost, int priceLevelYear, long pendingExpected) {

        /**
         * The gains the budget counted on in the year: an INVESTMENT's gross gain, else the adopted amount. An
         * INVESTMENT adopted without a gain/cost profile that adds up to its net splits the net by its sign.
         */
        public long adoptedGains() {
            if (type != ProposalType.INVESTMENT) {
                return adopted;
            }
            return hasProfile() ? gain : Math.max(adopted, 0);
        }

        /** The investment cost of the year (0 for other types); adoptedGains − investmentCosts = adopted. */
        public long investmentCosts() {
            if (type != ProposalType.INVESTMENT) {
                return 0;
            }
            return hasProfile() ? investmentCost : Math.max(-adopted, 0);
        }

        /** An INVESTMENT whose gain and cost of the year add up to its adopted net. */
        public boolean hasProfile() {
            return gain != null && investmentCost != null && Math.subtractExact(gain, investmentCost) == adopted;
        }
    }

    /**
     * Open data of one group; expected at the initiatives' price level {@code priceLevelYear} (part of the group, so
     * a catalog year whose initiatives are at two levels is two rows), realised at the prices of {@code year}.
     */
    public record RealisedGainsRow(String municipality, int catalogYear, String areaCode, String areaName, int year,
            int initiatives, long expected, long realised, long realisedDocumented, long realisedProbable,
            long realisedEstimate, int priceLevelYear) {
    }

    /** Open data of one initiative-year; expected at its {@code priceLevelYear}, realised at the prices of {@code year}. */
    public record OpenInitiativeYearRow(long initiativeId, String municipality, int catalogYear, String proposalNumber,
            String title, ProposalType type, String areaCode, String areaName, InitiativeStatus status, int year,
            long expected, long realised, EvidenceLevel weakestEvidence, int priceLevelYear) {
    }
}

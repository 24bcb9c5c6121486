package dk.raaderum.ideabank.service.search;

import dk.raaderum.ideabank.domain.IdeaRules;
import dk.raaderum.ideabank.domain.IdeaStatus;
import dk.raaderum.ideabank.repository.IdeaSearchRepository.Digest;
import dk.raaderum.ideabank.repository.IdeaSearchRepository.Scored;
import dk.raaderum.ideabank.service.search.SearchModels.MatchedBy;
import dk.raaderum.ideabank.service.search.SearchModels.Query;
import dk.raaderum.platform.events.ProposalType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntBinaryOperator;
import java.util.function.IntFunction;

/**
 * What search filters, counts and orders by, for every idea of the bank as of one search version, in memory (about
 * 150 bytes an idea: 15 MB at 100,000). PostgreSQL finds and ranks the ideas that match the words; the filters, the
 * facet counts over all hits and the order are applied here in one pass over the hits, where a grouped scan per facet
 * cost PostgreSQL several times the search itself. Built from the snapshot whose search version it carries, so it is
 * consistent with every snapshot that reads the same version (every committed change to a searchable idea raises it).
 */
final class SearchIndex {

    /** The most frequent tags a tag facet lists. */
    static final int TAG_FACET_SIZE = 50;
    private static final long NONE = Long.MIN_VALUE;
    private static final int NO_RATIO = Integer.MIN_VALUE;
    private static final int FIRST_YEAR = IdeaRules.FIRST_BUDGET_YEAR;
    private static final int YEARS = IdeaRules.LAST_BUDGET_YEAR - FIRST_YEAR + 1;

    final long version;
    /** The version of the texts at the same snapshot: the words' matches are kept under it. */
    final long textVersion;
    private final int size;
    private final long[] ids;
    private final byte[] status;
    private final byte[] type;
    private final int[] area;
    private final int[] budgetYear;
    private final boolean[] reducesService;
    private final boolean[] hasRealisedGains;
    private final long[] published;
    private final long[] created;
    private final long[] maxAmount;
    private final int[] adoptions;
    /** Realisation ratio and proven score in ten-thousandths ({@link #NO_RATIO}: no reports). */
    private final int[] ratio;
    private final int[] proven;
    private final int[][] municipalities;
    private final int[][] tags;
    private final Dictionary areas = new Dictionary();
    private final Dictionary municipalityCodes = new Dictionary();
    private final Dictionary tagNames = new Dictionary();

    /** A hit of a search: the idea and its score (text rank, spelling likeness, or 0 without words). */
    record Hit(long id, double score) {
    }

    /** The ideas a search selected: their positions in the index and their scores. */
    record Matches(int[] positions, float[] scores, int count) {
    }

    /** @param digests every idea, in ascending id order */
    SearchIndex(long version, long textVersion, List<Digest> digests) {
        this.version = version;
        this.textVersion = textVersion;
        size = digests.size();
        ids = new long[size];
        status = new byte[size];
        type = new byte[size];
        area = new int[size];
        budgetYear = new int[size];
        reducesService = new boolean[size];
        hasRealisedGains = new boolean[size];
        published = new long[size];
        created = new long[size];
        maxAmount = new long[size];
        adoptions = new int[size];
        ratio = new int[size];
        proven = new int[size];
        municipalities = new int[size][];
        tags = new int[size][];
        for (int i = 0; i < size; i++) {
            set(i, digests.get(i));
        }
    }

    private void set(int i, Digest d) {
        ids[i] = d.id();
        status[i] = (byte) d.status().ordinal();
        type[i] = (byte) d.type().ordinal();
        area[i] = areas.code(d.areaCode());
        budgetYear[i] = d.budgetYear();
        reducesService[i] = d.reducesService();
        hasRealisedGains[i] = d.hasRealisedGains();
        published[i] = millis(d.publishedAt());
        created[i] = millis(d.createdAt());
        maxAmount[i] = d.maxYearlyAmount() == null ? NONE : d.maxYearlyAmount();
        adoptions[i] = d.adoptionCount();
        ratio[i] = d.realisationRatio() == null ? NO_RATIO : tenThousandths(d.realisationRatio());
        proven[i] = d.provenScore() == null ? 0 : tenThousandths(d.provenScore());
        municipalities[i] = municipalityCodes.codes(d.municipalities());
        tags[i] = tagNames.codes(d.tags());
    }

    /** A ratio of four decimals as a whole number (capped, so a wild ratio still compares). */
    private static int tenThousandths(BigDecimal value) {
        return value.movePointRight(4).setScale(0, RoundingMode.HALF_UP).min(BigDecimal.valueOf(Integer.MAX_VALUE))
                .max(BigDecimal.valueOf(NO_RATIO + 1L)).intValue();
    }

    private static long millis(Instant instant) {
        return instant == null ? NONE : instant.toEpochMilli();
    }

    /** The ideas among {@code hits} that pass the query's filters and statuses. */
    Matches select(Query query, Scored hits) {
        Filter filter = new Filter(query);
        int[] positions = new int[hits.ids().length];
        float[] scores = new float[positions.length];
        int count = 0;
        Galloping idea = new Galloping();
        for (int h = 0; h < positions.length; h++) {
            int p = idea.find(ids, hits.ids()[h]);
            if (p >= 0 && filter.test(p)) {
                positions[count] = p;
                scores[count++] = hits.scores()[h];
            }
        }
        return new Matches(positions, scores, count);
    }

    /** Every idea that passes the query's filters and statuses (no words), score 0. */
    Matches selectAll(Query query) {
        Filter filter = new Filter(query);
        int[] positions = new int[size];
        int count = 0;
        for (int p = 0; p < size; p++) {
            if (filter.test(p)) {
                positions[count++] = p;
            }
        }
        return new Matches(positions, new float[size], count);
    }

    /**
     * Per facet (area, type, municipality (a family counts for each of its municipalities), budgetYear, tag (the
     * {@value #TAG_FACET_SIZE} most frequent), reducesService, hasRealisedGains): value → hits.
     */
    Map<String, Map<String, Long>> facets(Matches matches) {
        long[] byArea = new long[areas.size()];
        long[] byType = new long[ProposalType.values().length];
        long[] byMunicipality = new long[municipalityCodes.size()];
        long[] byTag = new long[tagNames.size()];
        long[] byYear = new long[YEARS];
        long[] reducing = new long[2];
        long[] realised = new long[2];
        for (int m = 0; m < matches.count(); m++) {
            int p = matches.positions()[m];
            byArea[area[p]]++;
            byType[type[p]]++;
            byYear[budgetYear[p] - FIRST_YEAR]++;
            reducing[reducesService[p] ? 1 : 0]++;
            realised[hasRealisedGains[p] ? 1 : 0]++;
            for (int code : municipalities[p]) {
                byMunicipality[code]++;
            }
            for (int code : tags[p]) {
                byTag[code]++;
            }
        }
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        facets.put("area", counts(byArea, areas::value));
        facets.put("type", counts(byType, code -> ProposalType.values()[code].name()));
        facets.put("municipality", counts(byMunicipality, municipalityCodes::value));
        facets.put("budgetYear", counts(byYear, code -> Integer.toString(FIRST_YEAR + code)));
        facets.put("tag", mostFrequent(counts(byTag, tagNames::value)));
        facets.put("reducesService", counts(reducing, code -> Boolean.toString(code == 1)));
        facets.put("hasRealisedGains", counts(realised, code -> Boolean.toString(code == 1)));
        return facets;
    }

    private static Map<String, Long> counts(long[] counts, IntFunction<String> value) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (int code = 0; code < counts.length; code++) {
            if (counts[code] > 0) {
                values.put(value.apply(code), counts[code]);
            }
        }
        return values;
    }

    private static Map<String, Long> mostFrequent(Map<String, Long> tags) {
        Map<String, Long> top = new LinkedHashMap<>();
        tags.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TAG_FACET_SIZE).forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    /** The query's page of the matches, in its order. */
    List<Hit> page(Matches matches, Query query, MatchedBy mode) {
        long skip = (long) query.page() * query.size();
        if (skip >= matches.count()) {
            return List.of();
        }
        int keep = (int) Math.min(matches.count(), skip + query.size());
        int[] best = TopK.select(matches.count(), keep, order(matches, query, mode));
        List<Hit> page = new ArrayList<>();
        for (int i = (int) skip; i < keep; i++) {
            page.add(new Hit(ids[matches.positions()[best[i]]], matches.scores()[best[i]]));
        }
        return page;
    }

    /**
     * The order of the matches (by their number in {@code matches}, negative when the first comes first); ties fall to
     * the newer, then the larger id.
     */
    private IntBinaryOperator order(Matches matches, Query query, MatchedBy mode) {
        int[] at = matches.positions();
        float[] score = matches.scores();
        boolean publishedOnly = query.statuses().equals(Set.of(IdeaStatus.PUBLISHED));
        IntBinaryOperator byId = (a, b) -> Long.compare(ids[at[b]], ids[at[a]]);
        IntBinaryOperator newest = (a, b) -> {
            int c = Long.compare(newest(at[b], publishedOnly), newest(at[a], publishedOnly));
            return c != 0 ? c : byId.applyAsInt(a, b);
        };
        return switch (query.sort()) {
            case RELEVANCE -> mode == MatchedBy.FILTERS ? newest : (a, b) -> {
                int c = Float.compare(score[b], score[a]);
                return c != 0 ? c : newest.applyAsInt(a, b);
            };
            case NEWEST -> newest;
            case MOST_ADOPTED -> (a, b) -> {
                int c = Integer.compare(adoptions[at[b]], adoptions[at[a]]);
                c = c != 0 ? c : Float.compare(score[b], score[a]);
                return c != 0 ? c : byId.applyAsInt(a, b);
            };
            // NONE (no amounts) is the smallest long, so ideas without amounts come last
            case MOST_PROVEN -> (a, b) -> {
                int c = Integer.compare(proven[at[b]], proven[at[a]]);
                c = c != 0 ? c : Integer.compare(adoptions[at[b]], adoptions[at[a]]);
                c = c != 0 ? c : Float.compare(score[b], score[a]);
                return c != 0 ? c : byId.applyAsInt(a, b);
            };
            case LARGEST_AMOUNT -> (a, b) -> {
                int c = Long.compare(maxAmount[at[b]], maxAmount[at[a]]);
                return c != 0 ? c : byId.applyAsInt(a, b);
            };
        };
    }

    /** When the idea was published; ideas of other statuses than published ones by when they came in if never. */
    private long newest(int p, boolean publishedOnly) {
        return publishedOnly || published[p] != NONE ? published[p] : created[p];
    }

    /** The query's filters compiled against this index's codes: values of a facet are alternatives, facets combine. */
    private final class Filter {
        private final BitSet statuses = new BitSet();
        private final BitSet types = new BitSet();
        private final BitSet areaCodes;
        private final BitSet municipalityFilter;
        private final Set<Integer> years;
        private final int[] requiredTags;
        private final Boolean reduces;
        private final Boolean realisedGains;
        private final int minAdoptions;
        private final int minRatio;

        Filter(Query query) {
            query.statuses().forEach(s -> statuses.set(s.ordinal()));
            query.types().forEach(t -> types.set(t.ordinal()));
            if (query.types().isEmpty()) {
                types.set(0, ProposalType.values().length);
            }
            areaCodes = query.areas().isEmpty() ? null : areas.all(query.areas());
            municipalityFilter = query.municipalities().isEmpty() ? null : municipalityCodes.all(query.municipalities());
            years = query.budgetYears();
            requiredTags = query.tags().stream().mapToInt(tagNames::find).toArray();
            reduces = query.reducesService();
            realisedGains = query.hasRealisedGains();
            minAdoptions = query.minAdoptions() == null ? 0 : query.minAdoptions();
            minRatio = query.minRealisationRatio() == null ? NO_RATIO : tenThousandths(query.minRealisationRatio());
        }

        boolean test(int p) {
            return statuses.get(status[p]) && types.get(type[p])
                    && (areaCodes == null || areaCodes.get(area[p]))
                    && (years.isEmpty() || years.contains(budgetYear[p]))
                    && (reduces == null || reduces == reducesService[p])
                    && (realisedGains == null || realisedGains == hasRealisedGains[p])
                    && adoptions[p] >= minAdoptions
                    && (minRatio == NO_RATIO || ratio[p] != NO_RATIO && ratio[p] >= minRatio)
                    && (municipalityFilter == null || any(municipalityFilter, municipalities[p]))
                    && all(requiredTags, tags[p]);
        }

        private static boolean any(BitSet wanted, int[] codes) {
            for (int code : codes) {
                if (wanted.get(code)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean all(int[] required, int[] codes) {
            for (int tag : required) {
                if (tag < 0 || Arrays.stream(codes).noneMatch(c -> c == tag)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The values of a text field, each with a small number. */
    private static final class Dictionary {
        private final Map<String, Integer> codes = new HashMap<>();
        private final List<String> values = new ArrayList<>();

        int[] codes(String[] texts) {
            int[] numbers = new int[texts.length];
            for (int i = 0; i < texts.length; i++) {
                numbers[i] = codes.computeIfAbsent(texts[i], v -> {
                    values.add(v);
                    return values.size() - 1;
                });
            }
            return numbers;
        }

        int code(String text) {
            return codes(new String[] { text })[0];
        }

        /** The number of a value, or -1 when no idea has it. */
        int find(String text) {
            return codes.getOrDefault(text, -1);
        }

        /** The numbers of the values that some idea has. */
        BitSet all(Set<String> texts) {
            BitSet numbers = new BitSet();
            texts.stream().mapToInt(this::find).filter(n -> n >= 0).forEach(numbers::set);
            return numbers;
        }

        String value(int code) {
            return values.get(code);
        }

        int size() {
            return values.size();
        }
    }
}

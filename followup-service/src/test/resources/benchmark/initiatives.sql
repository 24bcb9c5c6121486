-- Initiatives of one municipality for the benchmarks (FollowupBenchmark, system-tests' PlatformBenchmark), loaded in one
-- transaction with String.formatted: %1$d the first id (ids, proposal ids and report slot ids are %1$d + ...; give each
-- load its own range), %2$s the municipality, %3$d how many. Each initiative has catalog year 2024-2027 in 12 areas and
-- expects a gain in 2027-2030; 2027 is reported for 90 % (realised 50-110 % of expected, mixed evidence), overdue for
-- the rest.
insert into initiative (id, municipality, source, proposal_id, proposal_number, catalog_id, catalog_year,
    price_level_year, area_code, area_name, area_main_account, area_committee, type, title, uncertainty,
    owner_username, owner_name, status, adopted_at, created_at, created_by, version)
select %1$d + g, '%2$s', 'CATALOG', %1$d + g, 'A' || (g %% 12) || '-' || g, 1, 2024 + g %% 4, 2024 + g %% 4,
    'A' || lpad((g %% 12)::text, 2, '0'), 'Område ' || (g %% 12), g %% 7, 'Udvalg ' || (g %% 12),
    (array['SAVING', 'EFFICIENCY', 'INVESTMENT'])[1 + g %% 3], 'Initiativ ' || g, 'MEDIUM',
    'owner-' || (g %% 40), 'Ejer ' || (g %% 40), 'ACTIVE', now(), now(), 'benchmark', 0
from generate_series(1, %3$d) g;

insert into initiative_year (initiative_id, year, municipality, adopted, expected, expected_reported,
    realised, reported_slots, overdue_slots, pending_slots, gains_at_risk)
select %1$d + g, y, '%2$s', e, e,
    case when reported then e else 0 end,
    case when reported then e * (50 + g %% 61) / 100 else 0 end,
    case when reported then 1 else 0 end,
    case when y = 2027 and not reported then 1 else 0 end,
    case when y > 2027 then 1 else 0 end,
    case when reported then greatest(0, e - e * (50 + g %% 61) / 100) when y = 2027 then e else 0 end
from (select g, y, 100000 + (g %% 50) * 10000 as e, y = 2027 and g %% 10 <> 0 as reported
      from generate_series(1, %3$d) g cross join generate_series(2027, 2030) y) s;

insert into report_slot (id, initiative_id, municipality, year, period, expected, due_date, status,
    overdue_since, realised, report_version, ratio, evidence_level, reported_at, version)
select %1$d + g * 4 + (y - 2027), %1$d + g, '%2$s', y, y::text, e, make_date(y + 1, 4, 1),
    case when y > 2027 then 'PENDING' when g %% 10 = 0 then 'OVERDUE' else 'REPORTED' end,
    case when y = 2027 and g %% 10 = 0 then now() end,
    case when y = 2027 and g %% 10 <> 0 then e * (50 + g %% 61) / 100 end,
    case when y = 2027 and g %% 10 <> 0 then 1 else 0 end,
    case when y = 2027 and g %% 10 <> 0 then round((50 + g %% 61) / 100.0, 4) end,
    case when y = 2027 and g %% 10 <> 0 then (array['DOCUMENTED', 'PROBABLE', 'ESTIMATE'])[1 + g %% 3] end,
    case when y = 2027 and g %% 10 <> 0 then now() end, 0
from (select g, y, 100000 + (g %% 50) * 10000 as e
      from generate_series(1, %3$d) g cross join generate_series(2027, 2030) y) s;

-- PL-regulering of a report's ratio (issue 14). A report is at the prices of the year it reports on, its expectation
-- at the initiative's price level: the ratio compares the realised amount converted to that level. Each report
-- version records, as reported: the level (the initiative's), the realised amount at it, the year converted from
-- (null: none), or why it was not converted (the price index lacked a year).
alter table benefit_report add column price_level_year integer;
alter table benefit_report add column realised_at_price_level bigint;
alter table benefit_report add column converted_from integer;
alter table benefit_report add column price_level_warning varchar(1000);

-- Reports written before: those of a year at the initiative's own price level needed no conversion, their ratio was
-- like with like. The others keep price_level_year null, and the API says their ratio was not converted.
update benefit_report r
set price_level_year = i.price_level_year, realised_at_price_level = r.realised
from initiative i
where i.id = r.initiative_id and i.price_level_year = r.year;

-- A simulation keeps its catalog's heading (municipality, budget year, price level) and areas (code, name, committee)
-- in memory as it keeps its other inputs (V12), under the municipality's inputs revision: every change of them raises
-- the revision too. An area's next proposal number changes with every proposal created in it and is not read by a
-- simulation, so it raises nothing (nor do a catalog's title, status or karensperiode).

-- 'catalog': the changed row's municipality is its catalog_id's catalog's.
create or replace function raise_simulation_inputs_revision() returns trigger
    language plpgsql as $$
declare
    changed record;
    m varchar(3);
begin
    if TG_OP = 'DELETE' then
        changed := OLD;
    else
        changed := NEW;
    end if;
    if TG_ARGV[0] = 'municipality' then
        m := changed.municipality;
    elsif TG_ARGV[0] = 'agreement' then
        select a.municipality into m from agreement a where a.id = changed.agreement_id;
    elsif TG_ARGV[0] = 'committee' then
        select a.municipality into m from agreement_committee c join agreement a on a.id = c.agreement_id
            where c.id = changed.committee_id;
    elsif TG_ARGV[0] = 'catalog' then
        select c.municipality into m from catalog c where c.id = changed.catalog_id;
    else
        raise exception 'raise_simulation_inputs_revision: unknown argument %', TG_ARGV[0];
    end if;
    if m is not null then
        insert into simulation_inputs_revision (municipality, revision) values (m, 1)
            on conflict (municipality) do update set revision = simulation_inputs_revision.revision + 1;
    end if;
    return null;
end
$$;

create constraint trigger catalog_inputs after insert or delete on catalog
    deferrable initially deferred for each row execute function raise_simulation_inputs_revision('municipality');
create constraint trigger catalog_heading_inputs after update on catalog
    deferrable initially deferred for each row
    when (old.municipality is distinct from new.municipality or old.budget_year is distinct from new.budget_year
        or old.price_level_year is distinct from new.price_level_year)
    execute function raise_simulation_inputs_revision('municipality');
create constraint trigger catalog_area_inputs after insert or delete on catalog_area
    deferrable initially deferred for each row execute function raise_simulation_inputs_revision('catalog');
create constraint trigger catalog_area_heading_inputs after update on catalog_area
    deferrable initially deferred for each row
    when (old.catalog_id is distinct from new.catalog_id or old.code is distinct from new.code
        or old.name is distinct from new.name or old.committee is distinct from new.committee)
    execute function raise_simulation_inputs_revision('catalog');

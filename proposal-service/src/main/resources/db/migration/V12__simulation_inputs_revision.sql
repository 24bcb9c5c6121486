-- What a budget simulation reads besides its catalog and the catalog's proposals: the copies of target-service's
-- targets, register of policy areas, economic policy, budget adjustments and price index, and the multi-year agreements
-- with their committees and frames. Each municipality's inputs have one revision, raised in the transaction of every
-- change of any of these rows, whoever writes them (a consumer, the agreements API, a migration). The simulation keeps
-- the inputs in memory and reads them again only when the revision moved (SimulationInputs).
--
-- The triggers are deferred to the commit: the revision row is locked last, when the transaction's other locks are held
-- already, so two transactions never wait for each other through it.

create table simulation_inputs_revision (
    municipality varchar(3) primary key,
    revision     bigint     not null
);

-- TG_ARGV[0] says where the changed row's municipality is: 'municipality' (its own column), 'agreement' (its
-- agreement_id's agreement) or 'committee' (its committee_id's committee's agreement). A row whose parent is gone
-- in the same transaction raises nothing: the parent's own delete raised the revision.
create function raise_simulation_inputs_revision() returns trigger
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

create constraint trigger target_allocation_inputs after insert or update or delete on target_allocation
    deferrable initially deferred for each row execute function raise_simulation_inputs_revision('municipality');
create constraint trigger policy_area_register_copy_inputs after insert or update or delete on policy_area_register_copy
    deferrable initially deferred for each row execute function raise_simulation_inputs_revision('municipality');
create constraint trigger policy_area_copy_inputs after insert or update or delete on policy_area_copy
    deferrable initially deferred for each row execute function raise_simulation_inputs_revision('municipality');
create constraint trigger economic_policy_copy_inputs after insert or update or delete on economic_policy_copy
    deferrable initially deferred for each row execute function raise_simulation_inputs_revision('municipality');
create constraint trigger budget_adjustment_copy_inputs after insert or update or delete on budget_adjustment_copy
    deferrable initially deferred for each row execute function raise_simulation_inputs_revision('municipality');
create constraint trigger price_index_snapshot_inputs after insert or update or delete on price_index_snapshot
    deferrable initially deferred for each row execute function raise_simulation_inputs_revision('municipality');
create constraint trigger price_index_snapshot_year_inputs after insert or update or delete on price_index_snapshot_year
    deferrable initially deferred for each row execute function raise_simulation_inputs_revision('municipality');
create constraint trigger agreement_inputs after insert or update or delete on agreement
    deferrable initially deferred for each row execute function raise_simulation_inputs_revision('municipality');
create constraint trigger agreement_committee_inputs after insert or update or delete on agreement_committee
    deferrable initially deferred for each row execute function raise_simulation_inputs_revision('agreement');
create constraint trigger agreement_committee_area_inputs after insert or update or delete on agreement_committee_area
    deferrable initially deferred for each row execute function raise_simulation_inputs_revision('committee');
create constraint trigger agreement_frame_inputs after insert or update or delete on agreement_frame
    deferrable initially deferred for each row execute function raise_simulation_inputs_revision('committee');

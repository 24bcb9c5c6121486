-- The budget agreement's check as the adoption answered it (JSON of CatalogModels.AgreedCheck): GET of the adopted
-- catalog shows it unchanged when a later economic policy, agreement or price index arrives. Null for catalogs
-- adopted before V14, whose check is computed from their adopted proposals and assumptions as before.
alter table catalog add column agreed_check text;

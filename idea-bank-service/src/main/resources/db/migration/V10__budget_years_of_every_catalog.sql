-- An idea is of a budget year any catalog may have (BudgetYears: 2000 … 2100), not only KL's B19 … B30: a proposal
-- shared from a catalog of 2032 was dropped before. Only widens the check, so a previous release runs on it.
alter table idea drop constraint idea_budget_year_check;
alter table idea add constraint idea_budget_year_check check (budget_year between 2000 and 2100);

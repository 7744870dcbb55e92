-- A comp that stands in for a subscription paid on another platform (a Substack import): the member still
-- has to put a card on file here before the comp ends. The text names the platform; null for every other
-- subscription.
alter table billing.subscription add column card_needed_from text check (length(card_needed_from) <= 40);

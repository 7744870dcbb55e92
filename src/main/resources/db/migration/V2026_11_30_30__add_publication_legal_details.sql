-- Who the publication is in law and where it can be written to: printed on every receipt.
alter table publishing.publication
    add column legal_name     text not null default '' check (length(legal_name) <= 200),
    add column postal_address text not null default '' check (length(postal_address) <= 500);

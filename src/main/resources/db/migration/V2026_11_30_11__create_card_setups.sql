-- Card setups started on the gateway's own page (Stripe Checkout in setup mode). The member's return and
-- the gateway's notification both finish a setup; whichever comes first files the card, and a setup
-- finished after a newer one of the same member never replaces that newer card.
create table billing.card_setup (
    id          text primary key check (length(id) <= 255),
    member_id   bigint      not null,
    gateway     text        not null,
    customer_id text        not null,
    purpose     text        not null check (purpose in ('checkout', 'card')),
    started_at  timestamptz not null,
    finished_at timestamptz
);
create index card_setup_by_member on billing.card_setup (member_id, started_at desc);

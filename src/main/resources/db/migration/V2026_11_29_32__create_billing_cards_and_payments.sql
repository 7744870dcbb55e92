-- The card on file: only the gateway's token and the facts safe to show. Never a card number or CVC.
create table billing.card (
    member_id           bigint primary key,
    gateway             text        not null,
    gateway_customer_id text,
    token               text        not null check (length(token) <= 255),
    brand               text        not null check (length(brand) between 1 and 40),
    last4               char(4)     not null check (last4 ~ '^[0-9]{4}$'),
    exp_month           smallint    not null check (exp_month between 1 and 12),
    exp_year            smallint    not null check (exp_year between 2000 and 2999),
    created_at          timestamptz not null,
    updated_at          timestamptz not null
);

-- Every charge attempt, written (pending) before the gateway is called and settled after, so an
-- unknown outcome can be settled later by asking again with the same idempotency key. The card
-- snapshot lets that retry use the same stored card and shows on receipts. Rows are kept for the
-- books when a member is forgotten: member and card columns are then cleared.
create table billing.payment (
    id                bigint generated always as identity primary key,
    member_id         bigint,
    subscription_id   bigint,
    purpose           text        not null check (purpose in ('checkout')),
    amount            bigint      not null check (amount > 0),
    currency          char(3)     not null,
    status            text        not null check (status in ('pending', 'succeeded', 'failed')),
    gateway           text        not null,
    idempotency_key   text        not null unique check (length(idempotency_key) <= 255),
    gateway_charge_id text,
    failure_code      text,
    failure_reason    text,
    card_customer_id  text,
    card_token        text,
    card_brand        text,
    card_last4        char(4) check (card_last4 ~ '^[0-9]{4}$'),
    card_exp_month    smallint,
    card_exp_year     smallint,
    created_at        timestamptz not null,
    settled_at        timestamptz,
    check ((status = 'pending') = (settled_at is null))
);
create index payment_by_member on billing.payment (member_id, created_at desc);
create index payment_pending on billing.payment (created_at) where status = 'pending';

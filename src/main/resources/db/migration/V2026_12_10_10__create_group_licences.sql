-- Group licences (issue 16 §1): a group plan includes some seats for its base price and sells more at a price
-- per seat; a group subscription is the manager's subscription with a seat count; seats are held by readers.

alter table billing.plan
    add column included_seats     int    check (included_seats between 1 and 1000),
    add column seat_monthly_price bigint check (seat_monthly_price >= 0),
    add column seat_yearly_price  bigint check (seat_yearly_price >= 0),
    add constraint plan_group_terms_whole check (
        (included_seats is null) = (seat_monthly_price is null) and (included_seats is null) = (seat_yearly_price is null));

-- Seats bought, the manager's own included; null for a subscription that is not a group's.
alter table billing.subscription add column seats int check (seats between 1 and 1000);

-- A reader holding a seat of a group subscription. One seat per reader: the first group that takes them keeps them.
create table billing.group_seat (
    member_id       bigint      primary key,
    subscription_id bigint      not null references billing.subscription (id) on delete cascade,
    joined_by       text        not null check (joined_by in ('invite', 'link', 'domain')),
    joined_at       timestamptz not null
);
create index group_seat_by_subscription on billing.group_seat (subscription_id);

-- An emailed invitation; only the SHA-256 of its token is kept. A pending invitation holds a seat.
create table billing.group_invite (
    id              bigint      generated always as identity primary key,
    subscription_id bigint      not null references billing.subscription (id) on delete cascade,
    email           text        not null,
    token_hash      bytea       not null unique,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    accepted_at     timestamptz,
    revoked_at      timestamptz
);
create unique index group_invite_one_open_per_email on billing.group_invite (subscription_id, lower(email))
    where accepted_at is null and revoked_at is null;

-- Email domains whose verified addresses join the group while seats last; a domain belongs to one group.
create table billing.group_domain (
    domain          text        primary key check (domain = lower(domain)),
    subscription_id bigint      not null references billing.subscription (id) on delete cascade,
    added_at        timestamptz not null
);
create index group_domain_by_subscription on billing.group_domain (subscription_id);

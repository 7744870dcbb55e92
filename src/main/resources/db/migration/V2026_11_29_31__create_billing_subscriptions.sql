-- A member's paid (or comped) access. Statuses follow Stripe's: incomplete until the first payment
-- succeeds (incomplete_expired if that never happens), then trialing/active/past_due/canceled, and
-- expired at the end.
create table billing.subscription (
    id                   bigint generated always as identity primary key,
    member_id            bigint      not null,
    plan_id              bigint      references billing.plan (id),
    tier                 text        not null,
    billing_interval     text        check (billing_interval in ('month', 'year')),
    price_amount         bigint      check (price_amount > 0),
    currency             char(3),
    status               text        not null
        check (status in ('incomplete', 'incomplete_expired', 'trialing', 'active', 'past_due', 'canceled', 'expired')),
    comped               boolean     not null default false,
    current_period_start timestamptz not null,
    current_period_end   timestamptz,
    past_due_since       timestamptz,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    -- A paid subscription knows its plan and price; a comp is for a tier and costs nothing.
    check (comped or (plan_id is not null and billing_interval is not null and price_amount is not null
        and currency is not null)),
    check (comped or status in ('incomplete', 'incomplete_expired') or current_period_end is not null),
    check (current_period_end is null or current_period_end > current_period_start),
    check ((status = 'past_due') = (past_due_since is not null))
);

-- At most one live subscription per member (not over, or a checkout under way): a second checkout cannot
-- slip in beside it.
create unique index subscription_one_live_per_member on billing.subscription (member_id)
    where status in ('incomplete', 'trialing', 'active', 'past_due', 'canceled');
create index subscription_by_member on billing.subscription (member_id, created_at desc);

-- Every status change, with its cause and amount: the source for revenue figures. It deliberately has
-- no foreign key and no member id, so the history outlives a member who asks to be forgotten.
create table billing.subscription_event (
    id              bigint generated always as identity primary key,
    subscription_id bigint      not null,
    from_status     text,
    to_status       text        not null,
    cause           text        not null,
    amount          bigint,
    currency        char(3),
    payment_id      bigint,
    occurred_at     timestamptz not null
);
create index subscription_event_by_subscription on billing.subscription_event (subscription_id, occurred_at);
create index subscription_event_by_time on billing.subscription_event (occurred_at);

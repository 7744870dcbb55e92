-- Every move of a subscription to another plan or interval. A change that costs something is written
-- pending with its payment before the gateway is asked, and applied when the charge succeeds, by
-- whoever records the answer (the request that charged, a retry, a gateway notification). The rows are
-- also the history of which plan a subscription was on when, which receipts describe payments by.
create table billing.plan_change (
    id                bigint generated always as identity primary key,
    subscription_id   bigint      not null,
    -- from the member's confirmation; its payment (if any) has the same key, so confirming twice changes once
    idempotency_key   text        not null unique check (length(idempotency_key) <= 255),
    -- the charge for the difference; null when nothing was due
    payment_id        bigint      unique references billing.payment (id),
    from_plan_id      bigint      not null references billing.plan (id),
    from_interval     text        not null check (from_interval in ('month', 'year')),
    from_period_start timestamptz not null,
    plan_id           bigint      not null references billing.plan (id),
    billing_interval  text        not null check (billing_interval in ('month', 'year')),
    price_amount      bigint      not null check (price_amount > 0),
    period_start      timestamptz not null,
    period_end        timestamptz not null check (period_end > period_start),
    -- taken from the subscription's credit balance towards the charge
    credit_used       bigint      not null default 0 check (credit_used >= 0),
    -- added to the subscription's credit balance (a downgrade worth less than what is left of the period)
    credit_added      bigint      not null default 0 check (credit_added >= 0),
    status            text        not null check (status in ('pending', 'applied', 'declined', 'superseded')),
    created_at        timestamptz not null,
    applied_at        timestamptz,
    check ((status = 'applied') = (applied_at is not null)),
    check (status <> 'pending' or payment_id is not null)
);
create index plan_change_by_subscription on billing.plan_change (subscription_id, applied_at);

-- Coupons staff create and readers type at checkout. Redeeming one copies its terms onto the subscription
-- (billing.subscription.percent_off, amount_off, discount_ends_at), so changing or deactivating a coupon
-- later never changes what existing subscribers pay.
create table billing.coupon (
    id              bigint generated always as identity primary key,
    -- unique regardless of case: readers type codes any way they like
    code            text        not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$'),
    name            text        not null check (length(name) between 1 and 80),
    percent_off     int         check (percent_off between 1 and 99),
    amount_off      bigint      check (amount_off > 0),
    -- the currency of amount_off; a percentage fits every currency
    currency        char(3)     check (currency ~ '^[A-Z]{3}$'),
    duration        text        not null check (duration in ('once', 'repeating', 'forever')),
    duration_months int         check (duration_months between 1 and 120),
    -- last moment it can be redeemed; null for no expiry
    redeem_by       timestamptz,
    max_redemptions int         check (max_redemptions > 0),
    times_redeemed  int         not null default 0 check (times_redeemed >= 0),
    -- the only plan it may be used with; null for any plan
    plan_id         bigint      references billing.plan (id),
    active          boolean     not null default true,
    created_at      timestamptz not null,
    check ((percent_off is null) <> (amount_off is null)),
    check ((amount_off is null) = (currency is null)),
    check ((duration = 'repeating') = (duration_months is not null)),
    check (max_redemptions is null or times_redeemed <= max_redemptions)
);
create unique index coupon_code on billing.coupon (lower(code));

-- Who redeemed which coupon: one redemption per member and coupon. At a paid checkout the redemption is
-- written with the pending first charge and deleted again (and the coupon's count given back) if that
-- charge is declined, so a failed checkout never uses up a coupon.
create table billing.coupon_redemption (
    coupon_id       bigint      not null references billing.coupon (id),
    member_id       bigint      not null,
    subscription_id bigint      not null,
    redeemed_at     timestamptz not null,
    primary key (coupon_id, member_id)
);
create index coupon_redemption_by_member on billing.coupon_redemption (member_id);
create index coupon_redemption_by_subscription on billing.coupon_redemption (subscription_id);

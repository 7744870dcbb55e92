-- Offers (Ghost's offers): a landing page at /offer/<code> with a title and text, bound to one plan and
-- billing interval, giving either a discount or a free trial. A discount offer's terms are a coupon of the
-- same code (restricted to the plan), so checkout prices, redeems and gives back an offer's discount
-- exactly as it does a coupon's; that coupon is redeemed only through the offer.
create table billing.offer (
    id               bigint generated always as identity primary key,
    -- the URL slug; lower case, so /offer/Spring-Sale and /offer/spring-sale are not two offers
    code             text        not null unique check (code ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    title            text        not null check (length(title) between 1 and 80),
    description      text        not null check (length(description) <= 2000),
    plan_id          bigint      not null references billing.plan (id),
    billing_interval text        not null check (billing_interval in ('month', 'year')),
    coupon_id        bigint      unique references billing.coupon (id),
    trial_days       int         check (trial_days between 1 and 365),
    archived_at      timestamptz,
    created_at       timestamptz not null,
    check ((coupon_id is null) <> (trial_days is null))
);

-- One row per checkout that used an offer: 'pending' from the moment the first charge is recorded (or
-- 'redeemed' at once for a trial), 'redeemed' when that charge succeeds, deleted when it is declined. Keyed by
-- the subscription, so settling a checkout twice counts it once.
create table billing.offer_redemption (
    subscription_id bigint      primary key,
    offer_id        bigint      not null references billing.offer (id),
    status          text        not null check (status in ('pending', 'redeemed')),
    redeemed_at     timestamptz not null
);
create index offer_redemption_by_offer on billing.offer_redemption (offer_id) where status = 'redeemed';

-- Landing page views, one counter per offer and UTC day (no row per view, and nothing about the viewer).
create table billing.offer_view (
    offer_id bigint not null references billing.offer (id),
    day      date   not null,
    views    bigint not null check (views > 0),
    primary key (offer_id, day)
);

-- Gift subscriptions: a signed-in buyer pays for 1, 3, 6 or 12 months of a plan for someone's email
-- address; the recipient gets a link that starts a subscription which does not renew. The row is written
-- with the pending payment and becomes purchased (with a redeem token) when the payment succeeds.
create table billing.gift (
    id              bigint generated always as identity primary key,
    -- null once the buyer has been forgotten
    buyer_member_id bigint,
    buyer_name      text        check (length(buyer_name) <= 100),
    -- null once the member who redeemed it has been forgotten
    recipient_email text        check (length(recipient_email) between 3 and 254),
    message         text        not null default '' check (length(message) <= 500),
    plan_id         bigint      not null references billing.plan (id),
    months          int         not null check (months in (1, 3, 6, 12)),
    amount          bigint      not null check (amount > 0),
    currency        char(3)     not null,
    status          text        not null check (status in ('pending', 'failed', 'purchased', 'redeemed')),
    payment_id      bigint      not null unique references billing.payment (id),
    -- SHA-256 of the redeem token; the token itself is only in the recipient's mail
    token_hash      bytea       unique,
    redeemed_by     bigint,
    subscription_id bigint,
    created_at      timestamptz not null,
    purchased_at    timestamptz,
    redeemed_at     timestamptz,
    check ((status in ('purchased', 'redeemed')) = (token_hash is not null)),
    check ((status = 'redeemed') = (redeemed_at is not null)),
    check (status = 'redeemed' or recipient_email is not null)
);
create index gift_by_buyer on billing.gift (buyer_member_id);
create index gift_by_redeemer on billing.gift (redeemed_by);

-- Renewals, dunning, trials, cancellations, plan changes and discounts (issue 3).
alter table billing.subscription
    -- false for subscriptions that end at their period end by design (gifts)
    add column renews           boolean     not null default true,
    -- when the renewal run must look at this subscription next: the period end (renew, or end it), or the
    -- next retry of a failed charge; null when nothing is due (an open-ended comp, or over)
    add column due_at           timestamptz,
    -- failed charges for the current period so far
    add column failed_attempts  int         not null default 0 check (failed_attempts >= 0),
    -- the end of the free trial, kept so resuming a cancellation during a trial returns to trialing
    add column trial_end        timestamptz,
    add column canceled_at      timestamptz,
    -- owed to the member after a downgrade, taken off the next charges
    add column credit_balance   bigint      not null default 0 check (credit_balance >= 0),
    -- the discount terms copied from a coupon when it was redeemed, as the price is copied from the plan:
    -- a charge for a period that starts before discount_ends_at (or any period when it is null) gets it
    add column coupon_id        bigint,
    add column percent_off      int         check (percent_off between 1 and 100),
    add column amount_off       bigint      check (amount_off > 0),
    add column discount_ends_at timestamptz,
    add column gift_id          bigint,
    add constraint subscription_one_discount check (percent_off is null or amount_off is null),
    add constraint subscription_discount_has_coupon check ((percent_off is null and amount_off is null) or coupon_id is not null);

update billing.subscription set due_at = current_period_end
where status in ('trialing', 'active', 'canceled') and current_period_end is not null;
update billing.subscription set due_at = past_due_since where status = 'past_due';

create index subscription_due on billing.subscription (due_at) where due_at is not null;

alter table billing.payment drop constraint payment_purpose_check;
alter table billing.payment
    add constraint payment_purpose_check check (purpose in ('checkout', 'renewal', 'plan_change', 'gift')),
    add column period_start    timestamptz,
    add column period_end      timestamptz,
    -- the list price before discount and credit; amount is what was charged
    add column list_amount     bigint,
    add column discount_amount bigint      not null default 0 check (discount_amount >= 0),
    add column credit_applied  bigint      not null default 0 check (credit_applied >= 0),
    -- numbered in the order payments succeed, without gaps from failed attempts
    add column invoice_number  bigint      unique,
    add column refunded_amount bigint      not null default 0 check (refunded_amount >= 0),
    add constraint payment_refund_within_amount check (refunded_amount <= amount);
update billing.payment set list_amount = amount;
alter table billing.payment alter column list_amount set not null;
create sequence billing.invoice_number_seq;
create index payment_by_subscription on billing.payment (subscription_id, created_at desc);

-- Money given back, written pending before the gateway is asked, like a payment.
create table billing.refund (
    id                bigint generated always as identity primary key,
    payment_id        bigint      not null references billing.payment (id),
    amount            bigint      not null check (amount > 0),
    status            text        not null check (status in ('pending', 'succeeded', 'failed')),
    reason            text        not null check (length(reason) <= 500),
    requested_by      text        not null,
    idempotency_key   text        not null unique,
    gateway_refund_id text,
    failure_reason    text,
    created_at        timestamptz not null,
    settled_at        timestamptz
);
create index refund_by_payment on billing.refund (payment_id);

-- Who or what caused a change, and the figures revenue reports sum: the monthly recurring revenue the
-- subscription stands for after the change, and what kind of subscription it is.
alter table billing.subscription_event
    add column actor     text   not null default 'system',
    add column mrr_after bigint not null default 0,
    add column kind      text   not null default 'paid' check (kind in ('paid', 'comp', 'gift'));
update billing.subscription_event e set kind = 'comp'
from billing.subscription s where s.id = e.subscription_id and s.comped;
update billing.subscription_event e set mrr_after = case s.billing_interval
        when 'month' then s.price_amount else round(s.price_amount / 12.0) end
from billing.subscription s
where s.id = e.subscription_id and not s.comped and e.to_status in ('active', 'past_due', 'canceled');

-- The sandbox gateway's refunds, by idempotency key, as Stripe keeps them.
create table billing.sandbox_refund (
    id              text primary key,
    idempotency_key text        not null unique,
    charge_id       text        not null references billing.sandbox_charge (id),
    amount          bigint      not null check (amount > 0),
    created_at      timestamptz not null
);
create index sandbox_refund_by_charge on billing.sandbox_refund (charge_id);

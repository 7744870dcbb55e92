-- Seats a manager adds to a running group mid-period (issue 16 §1), each addition one row: the seats count
-- at once and the pro-rata price of the rest of the current period is a pending charge that the renewal
-- run makes on its next pass (status 'pending', due at due_at), retried on the renewal retry schedule when
-- declined ('failed' after the last try). An addition that costs nothing (a trial, the period's last day)
-- is recorded as 'free'. The attempt is the confirmation form's id: submitting it twice adds seats once.
create table billing.seat_charge (
    id              bigint generated always as identity primary key,
    subscription_id bigint      not null references billing.subscription (id) on delete cascade,
    attempt         text        not null,
    seats_added     integer     not null check (seats_added > 0),
    amount          bigint      not null check (amount >= 0),
    currency        char(3)     not null,
    days_left       integer     not null check (days_left >= 0),
    period_days     integer     not null check (period_days > 0),
    status          text        not null check (status in ('pending', 'paid', 'failed', 'free')),
    failed_attempts integer     not null default 0,
    due_at          timestamptz,
    payment_id      bigint,
    created_at      timestamptz not null,
    settled_at      timestamptz,
    unique (subscription_id, attempt)
);

create index seat_charge_due on billing.seat_charge (due_at) where status = 'pending';

alter table billing.payment
    drop constraint payment_purpose_check,
    add constraint payment_purpose_check check (purpose in ('checkout', 'renewal', 'plan_change', 'gift', 'seats'));

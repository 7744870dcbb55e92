-- A held payment (the member's bank wanted them to authenticate it) that is closed without their
-- confirmation leaves its PaymentIntent open at Stripe. Closing the hold marks it due for release
-- (hold_release_due_at); the renewal run's schedule then cancels it at the gateway, outside any
-- transaction, retrying with growing waits, and records how that ended: 'canceled', 'already_paid' (the
-- member confirmed it from a page left open), 'not_cancelable' (the gateway no longer knows it), or
-- 'gave_up' after the last try.
alter table billing.payment
    add column hold_release_due_at timestamptz,
    add column hold_release_attempts int not null default 0,
    add column hold_release_outcome text,
    add column hold_released_at timestamptz;
create index payment_hold_release_due on billing.payment (hold_release_due_at) where hold_release_due_at is not null;

-- Stripe's webhook events, stored before they are answered and processed after, so none is lost: a
-- duplicate delivery finds its id here and is ignored; a failed one is retried at next_attempt_at.
create table billing.stripe_event (
    id              text primary key check (length(id) <= 255),
    type            text        not null,
    -- the event's own creation time at Stripe, which orders facts delivered out of order
    created         timestamptz not null,
    payload         jsonb       not null,
    received_at     timestamptz not null,
    processed_at    timestamptz,
    attempts        int         not null default 0 check (attempts >= 0),
    last_error      text,
    -- when to (re)try; while an attempt runs, the end of its lease; null once processed
    next_attempt_at timestamptz,
    check ((processed_at is null) = (next_attempt_at is not null))
);
create index stripe_event_due on billing.stripe_event (next_attempt_at) where processed_at is null;

-- The creation time of the latest gateway event whose card facts were taken (null until one is, after
-- the card was filed): an older update delivered late must not overwrite a newer one.
alter table billing.card add column gateway_updated_at timestamptz;
create index card_by_token on billing.card (token);

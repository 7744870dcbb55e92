-- The built-in sandbox gateway's own memory, standing in for Stripe's: which stored card behaves how,
-- and every charge by idempotency key. Kept in the database so it survives restarts and every node
-- shares it. No card numbers: a token and its behaviour.
create table billing.sandbox_card (
    token      text primary key,
    behaviour  text        not null check (behaviour in ('always_succeeds', 'first_charge_only', 'always_declines')),
    created_at timestamptz not null
);

-- Ready-made stored cards for importing subscriptions (see org.backstory.billing.SandboxCards).
insert into billing.sandbox_card (token, behaviour, created_at) values
    ('pm_sandbox_visa', 'always_succeeds', now()),
    ('pm_sandbox_chargeCustomerFail', 'always_declines', now());

create table billing.sandbox_charge (
    id              text primary key,
    idempotency_key text        not null unique,
    token           text        not null,
    amount          bigint      not null,
    currency        char(3)     not null,
    succeeded       boolean     not null,
    decline_code    text,
    decline_message text,
    created_at      timestamptz not null
);
create index sandbox_charge_by_token on billing.sandbox_charge (token) where succeeded;

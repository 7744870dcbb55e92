-- What is sold. Prices are in minor units (cents) of one currency; a subscription copies the price it
-- was bought at, so changing a plan's price never changes what existing subscribers pay.
create table billing.plan (
    id            bigint generated always as identity primary key,
    code          text        not null unique check (code ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    name          text        not null check (length(name) between 1 and 80),
    tier          text        not null check (tier ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    description   text        not null default '' check (length(description) <= 500),
    currency      char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    monthly_price bigint      not null check (monthly_price > 0),
    yearly_price  bigint      not null check (yearly_price > 0),
    trial_days    int         not null default 0 check (trial_days >= 0),
    active        boolean     not null default true,
    display_order int         not null default 0,
    created_at    timestamptz not null
);

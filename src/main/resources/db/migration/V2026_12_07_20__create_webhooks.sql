-- Outgoing webhooks: the targets staff add, and every delivery as an outbox row written in the transaction of
-- the change it reports (so a crash cannot lose one), then sent by db-scheduler.
create schema if not exists webhooks;

create table webhooks.hook (
    id              bigint generated always as identity primary key,
    event           text        not null check (length(event) <= 60),
    target_url      text        not null check (length(target_url) <= 2000),
    name            text        not null default '' check (length(name) <= 191),
    -- AES-GCM sealed (shared.SecretSeal): the secret signs every body, so it must be read back.
    sealed_secret   bytea       not null,
    active          boolean     not null default true,
    disabled_reason text,
    created_by      bigint      not null,
    created_at      timestamptz not null
);
create index hook_by_event on webhooks.hook (event) where active;

create table webhooks.delivery (
    id              bigint generated always as identity primary key,
    hook_id         bigint      not null references webhooks.hook (id) on delete cascade,
    event           text        not null,
    -- The exact bytes signed and sent (text, not jsonb, which would reorder keys).
    body            text        not null,
    status          text        not null check (status in ('pending', 'delivered', 'failed')),
    attempts        integer     not null default 0,
    response_code   integer,
    error           text,
    created_at      timestamptz not null,
    next_attempt_at timestamptz,
    last_attempt_at timestamptz,
    check ((status = 'pending') = (next_attempt_at is not null))
);
create index delivery_due on webhooks.delivery (next_attempt_at) where status = 'pending';
create index delivery_by_hook on webhooks.delivery (hook_id, id desc);
create index delivery_by_age on webhooks.delivery (created_at);

-- The object as the last body described it, so the next body's "previous" can list the keys that changed.
create table webhooks.snapshot (
    kind      text   not null check (kind in ('post', 'member')),
    object_id bigint not null,
    body      text   not null,
    primary key (kind, object_id)
);

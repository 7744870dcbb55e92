-- Integrations: what the owner lets another program do with the publication through its APIs. Each has a
-- Content API key (26 lower-case hex characters, sent as ?key=) of which only SHA-256 is kept, and an Admin API
-- key "{id}:{secret}" whose id is kept plainly and whose 32-byte secret is kept sealed with AES-GCM under the
-- key outside the database (BACKSTORY_TWO_FACTOR_KEY or <data-dir>/two-factor.key): the server needs the secret
-- itself to check the HMAC of Admin API tokens, so it cannot be hashed. role is what an Admin API call may do.
-- A revoked integration keeps its row (for the audit log's sake) but no key of it opens anything.
create schema api;

create table api.integration (
    id               bigint generated always as identity primary key,
    name             text        not null check (length(name) between 1 and 80),
    role             text        not null check (role in ('CONTRIBUTOR', 'AUTHOR', 'EDITOR', 'ADMINISTRATOR')),
    content_key_hash bytea       not null unique check (octet_length(content_key_hash) = 32),
    admin_key_id     text        not null unique check (admin_key_id ~ '^[0-9a-f]{24}$'),
    admin_secret     bytea       not null,
    created_by       bigint      not null,
    created_at       timestamptz not null,
    revoked_at       timestamptz
);

-- Staff two-factor sign-in (TOTP, RFC 6238). The server computes codes from the shared secret, so the secret
-- cannot be hashed: it is kept sealed with AES-GCM under a key that is not in the database
-- (BACKSTORY_TWO_FACTOR_KEY, or <data-dir>/two-factor.key). A row without confirmed_at is a setup the member
-- has not yet confirmed with a first code. last_used_step is the newest 30-second step whose code signed in:
-- a code of that step or an older one is refused (no replay).
create table members.two_factor (
    member_id      bigint      primary key references members.member (id) on delete cascade,
    secret         bytea       not null,
    confirmed_at   timestamptz,
    last_used_step bigint      not null default 0,
    created_at     timestamptz not null
);

-- Single-use recovery codes, each usable in place of a code once. Only SHA-256(member id, code) is kept.
create table members.two_factor_recovery_code (
    member_id  bigint      not null references members.member (id) on delete cascade,
    code_hash  bytea       not null,
    created_at timestamptz not null,
    used_at    timestamptz,
    primary key (member_id, code_hash)
);

-- One row: whether the owner requires two-factor sign-in of every staff member, and a fingerprint of the key
-- that sealed the secrets (an HMAC of a fixed text, never the key), so a node started with another key refuses
-- to start rather than failing every staff sign-in.
create table members.two_factor_settings (
    id             smallint    primary key check (id = 1),
    staff_required boolean     not null default false,
    key_check      bytea,
    updated_at     timestamptz not null
);
insert into members.two_factor_settings (id, staff_required, updated_at) values (1, false, now());

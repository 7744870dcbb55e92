-- Members and staff users share one table; the role tells them apart. Addresses are unique whatever their case.
create table members.member (
    id                bigint generated always as identity primary key,
    email             text        not null check (length(email) between 3 and 254),
    name              text        not null check (length(name) between 1 and 100),
    password_hash     text,       -- null for accounts that only sign in by emailed link
    role              text        not null default 'MEMBER' check (role in ('MEMBER', 'AUTHOR', 'EDITOR', 'OWNER')),
    email_verified_at timestamptz,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);
create unique index member_email_uq on members.member (lower(email));

-- One-time links (sign-in, password reset, email verification). Only a SHA-256 of each token is kept,
-- so a copy of this table cannot be used to sign in.
create table members.one_time_token (
    token_hash bytea       primary key,
    member_id  bigint      not null references members.member (id) on delete cascade,
    purpose    text        not null check (purpose in ('MAGIC_LINK', 'PASSWORD_RESET', 'EMAIL_VERIFICATION')),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index one_time_token_member_ix on members.one_time_token (member_id, purpose);
create index one_time_token_expires_ix on members.one_time_token (expires_at);

-- Counters for sign-in and mail requests, per address and per IP, kept in the database so every node of a
-- cluster sees the same counts. Keys look like 'login-email:ada@example.com' or 'login-ip:203.0.113.9'.
create table members.sign_in_throttle (
    throttle_key      text        primary key,
    failures          int         not null,
    window_started_at timestamptz not null,
    lockouts          int         not null default 0,
    locked_until      timestamptz,
    updated_at        timestamptz not null
);
create index sign_in_throttle_updated_ix on members.sign_in_throttle (updated_at);

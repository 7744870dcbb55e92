-- Private feed links (issue 13): one per member. The token is looked up by its SHA-256 (the primary key, so a
-- feed request is one index probe) and kept sealed (AES-GCM, the app's SecretSeal) so the account page can show
-- the same address again; a copy of this table alone gives no one a working feed address. Resetting replaces the
-- row, so the old address stops at once.
create table members.feed_token (
    token_hash   bytea       primary key,
    member_id    bigint      not null unique references members.member (id) on delete cascade,
    token_sealed bytea       not null,
    created_at   timestamptz not null
);

-- A group's shareable invite link (issue 16 §1): at most one per group. Only the token's SHA-256 finds it;
-- the token is also sealed (shared.SecretSeal, bound to the group) so the manager's page can show it again.
-- Revoking deletes the row, so the old link stops working; a new link is a new row.
create table billing.group_link (
    subscription_id bigint      primary key references billing.subscription (id) on delete cascade,
    token_hash      bytea       not null unique,
    token_sealed    bytea       not null,
    created_at      timestamptz not null
);

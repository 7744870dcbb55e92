-- The first-run setup link, printed in the start-up log while the publication has no owner. At most one row:
-- each start without an owner replaces it, and creating the owner deletes it. Only the token's SHA-256 is kept.
create table members.owner_setup_link (
    token_hash bytea       primary key,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);

-- A member's request to change their address. The change applies when the link mailed to the new address is
-- opened and confirmed; until then the account keeps its address. One open request per member: asking again
-- replaces it. Only the token's SHA-256 is kept.
create table members.email_change (
    token_hash bytea       primary key,
    member_id  bigint      not null references members.member (id) on delete cascade,
    new_email  text        not null check (length(new_email) between 3 and 254),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index email_change_member_ix on members.email_change (member_id);
create index email_change_expires_ix on members.email_change (expires_at);

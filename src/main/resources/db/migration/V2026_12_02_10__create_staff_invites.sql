-- When a member joined the staff (null for readers); the staff page shows it. Existing staff date from sign-up.
alter table members.member add column staff_since timestamptz;
update members.member set staff_since = created_at where role <> 'MEMBER';

-- Invitations to join the staff, mailed by the owner. An invite names an address, not an account: the
-- person may not have one yet. Only a SHA-256 of each link's token is kept, as for the one-time tokens.
create table members.staff_invite (
    id          bigint generated always as identity primary key,
    token_hash  bytea       not null unique,
    email       text        not null check (length(email) between 3 and 254),
    role        text        not null check (role in ('CONTRIBUTOR', 'AUTHOR', 'EDITOR', 'ADMINISTRATOR')),
    invited_by  bigint      references members.member (id) on delete set null,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    accepted_at timestamptz,
    accepted_by bigint      references members.member (id) on delete set null,
    revoked_at  timestamptz,
    check (accepted_at is null or revoked_at is null)
);
-- At most one open invite per address: inviting again replaces it.
create unique index staff_invite_open_uq on members.staff_invite (lower(email)) where accepted_at is null and revoked_at is null;

-- Links members ask for to confirm their suppressed address, so newsletters reach it again. One row per
-- member: asking again replaces the link, and the row's age throttles how often a member may ask. Only the
-- SHA-256 of the emailed token is stored. member_id refers to members.member by id only.
create table newsletters.address_confirmation (
    member_id  bigint primary key,
    token_hash bytea not null unique,
    address    text not null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);

-- A member import between its dry run and the staff member's confirmation: the checked file, kept in the
-- database (not in one node's memory) so the confirmation may land on any node; an hour at most.
create schema if not exists admin;

create table admin.member_import (
    id         text        primary key,
    staff_id   bigint      not null,
    csv        text        not null,
    created_at timestamptz not null,
    expires_at timestamptz not null
);
create index member_import_expires_ix on admin.member_import (expires_at);

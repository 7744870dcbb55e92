-- Issue 5's member list: staff notes and labels, search by any part of the address or name (trigram
-- indexes), and keyset paging newest first.
create extension if not exists pg_trgm;

alter table members.member add column note text not null default '' check (length(note) <= 2000);

-- Labels staff put on members (Ghost's labels), matched case-sensitively as typed.
create table members.label (
    member_id bigint not null references members.member (id) on delete cascade,
    name      text   not null check (length(name) between 1 and 100),
    primary key (member_id, name)
);
create index label_by_name on members.label (name, member_id);

create index member_newest_ix on members.member (created_at desc, id desc);
create index member_email_trgm_ix on members.member using gin (lower(email) gin_trgm_ops);
create index member_name_trgm_ix on members.member using gin (lower(name) gin_trgm_ops);

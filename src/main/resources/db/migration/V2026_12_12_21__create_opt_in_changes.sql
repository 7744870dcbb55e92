-- Every opt-in and opt-out of a newsletter (issue 16 §7), for the member's activity on their staff page; the opt_in
-- table keeps only the current state. Goes with the member when they are deleted.
create table newsletters.opt_in_change (
    id            bigint generated always as identity primary key,
    member_id     bigint      not null,
    newsletter_id bigint      not null references newsletters.newsletter (id) on delete cascade,
    opted_in      boolean     not null,
    occurred_at   timestamptz not null
);
create index opt_in_change_by_member on newsletters.opt_in_change (member_id, occurred_at);

-- The opt-ins already held began when their rows were written.
insert into newsletters.opt_in_change (member_id, newsletter_id, opted_in, occurred_at)
select member_id, newsletter_id, true, created_at from newsletters.opt_in;

-- The admin module's schema: the audit log of staff actions, written in the same transaction as each action.
create schema admin;

create table admin.audit_entry (
    id          bigint generated always as identity primary key,
    actor_id    bigint      not null, -- a members.member id; no foreign key across modules, and the entry outlives the account
    action      text        not null check (length(action) between 1 and 100),
    subject     text        not null,
    detail      text        not null,
    occurred_at timestamptz not null
);
-- Newest first, whole log or filtered by action or by actor, paged by (occurred_at, id).
create index audit_entry_time_ix on admin.audit_entry (occurred_at desc, id desc);
create index audit_entry_action_ix on admin.audit_entry (action, occurred_at desc, id desc);
create index audit_entry_actor_ix on admin.audit_entry (actor_id, occurred_at desc, id desc);

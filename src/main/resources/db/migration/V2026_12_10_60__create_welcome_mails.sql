-- Welcome mails: the texts staff edit (none stored means the default), and one row per member and kind once
-- the mail is queued, so a retried event or a restart never welcomes anyone twice.
create table members.welcome_text (
    kind       text primary key check (kind in ('signup', 'subscriber')),
    subject    text not null check (length(subject) between 1 and 200),
    body       text not null check (length(body) between 1 and 5000),
    updated_at timestamptz not null
);

create table members.welcome_sent (
    member_id bigint not null references members.member (id) on delete cascade,
    kind      text not null check (kind in ('signup', 'subscriber')),
    sent_at   timestamptz not null,
    primary key (member_id, kind)
);

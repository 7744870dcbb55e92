-- Newsletters, members' opt-ins, and sends: one durable row per recipient, so a send survives a crash, a
-- restart or a second node, and every recipient is mailed once. Member ids refer to members.member by id
-- only (no cross-schema key).
create schema newsletters;

create table newsletters.newsletter (
    id             bigint generated always as identity primary key,
    slug           text    not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 100),
    name           text    not null check (length(name) between 1 and 100),
    description    text    not null default '' check (length(description) <= 500),
    sender_name    text    not null check (length(sender_name) between 1 and 100),
    sender_address text    not null check (length(sender_address) between 3 and 254),
    reply_to       text    check (length(reply_to) between 3 and 254),
    default_on     boolean not null,
    position       integer not null default 0,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);

-- A member gets a newsletter while a row exists here.
create table newsletters.opt_in (
    newsletter_id bigint not null references newsletters.newsletter (id) on delete cascade,
    member_id     bigint not null,
    created_at    timestamptz not null,
    primary key (newsletter_id, member_id)
);
create index opt_in_member_ix on newsletters.opt_in (member_id);

-- One send of one article to one newsletter's audience. Recipients are fixed when the send starts, so
-- members who opt in later do not get it and a restart never widens it.
create table newsletters.send (
    id            bigint generated always as identity primary key,
    article_id    bigint  not null,
    newsletter_id bigint  not null references newsletters.newsletter (id),
    audience      text    not null check (audience in ('all', 'free', 'paid')),
    status        text    not null check (status in ('scheduled', 'sending', 'sent', 'canceled')),
    scheduled_at  timestamptz not null,
    created_by    bigint,
    created_at    timestamptz not null,
    started_at    timestamptz,
    finished_at   timestamptz,
    recipients    integer not null default 0,
    unique (article_id, newsletter_id)
);
create index send_created_ix on newsletters.send (created_at desc);

-- Each send's rendered editions: the whole article for entitled recipients, and one preview per paywall
-- remedy for the others. Rendered once when the send starts, so every node mails the same text and an
-- edit during the send changes nothing. Placeholders stand for the per-recipient links.
create table newsletters.edition (
    send_id   bigint not null references newsletters.send (id) on delete cascade,
    edition   text   not null,
    subject   text   not null,
    html_body text   not null,
    text_body text   not null,
    primary key (send_id, edition)
);

-- next_attempt_at doubles as the claim lease: a worker that takes a row moves it into the future, so a
-- crashed node's rows come back by themselves when the lease runs out.
create table newsletters.recipient (
    send_id         bigint  not null references newsletters.send (id) on delete cascade,
    member_id       bigint  not null,
    address         text    not null,
    name            text    not null,
    edition         text    not null,
    status          text    not null default 'pending'
        check (status in ('pending', 'sent', 'failed', 'bounced', 'suppressed')),
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null,
    claimed_by      text,
    sent_at         timestamptz,
    last_error      text,
    primary key (send_id, member_id)
);
create index recipient_due_ix on newsletters.recipient (next_attempt_at) where status = 'pending';
create index recipient_address_ix on newsletters.recipient (lower(address), sent_at desc);

-- Addresses never mailed a newsletter again until their member confirms the address.
create table newsletters.suppression (
    address_key text primary key,
    reason      text not null check (reason in ('bounce', 'complaint', 'hard-failures')),
    detail      text not null default '' check (length(detail) <= 500),
    created_at  timestamptz not null
);

-- Permanent SMTP refusals per address, counted across sends; enough of them suppress the address.
create table newsletters.hard_failure (
    address_key text primary key,
    failures    integer not null,
    last_at     timestamptz not null
);

-- Messages handed to SMTP per minute, across every node, for the configured rate limit.
create table newsletters.rate_window (
    minute timestamptz primary key,
    used   integer not null
);

-- The key that signs unsubscribe and preference links. Made once, shared by every node.
create table newsletters.signing_key (
    id         integer primary key check (id = 1),
    secret     bytea not null,
    created_at timestamptz not null
);

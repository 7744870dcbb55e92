-- Outgoing mail is written in the sender's transaction and delivered after commit, so a rolled-back
-- sign-up sends nothing and a crash between commit and delivery loses nothing (the sweeper retries).
create table email.outgoing_mail (
    id              bigint generated always as identity primary key,
    idempotency_key text unique check (length(idempotency_key) <= 200),
    recipient       text        not null check (length(recipient) between 3 and 254),
    subject         text        not null check (length(subject) <= 300),
    text_body       text        not null,
    html_body       text,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    last_error      text
);
create index outgoing_mail_due_ix on email.outgoing_mail (next_attempt_at) where status = 'PENDING';
create index outgoing_mail_recipient_ix on email.outgoing_mail (lower(recipient));
create index outgoing_mail_created_ix on email.outgoing_mail (created_at desc);

-- The article a reader was on when they signed up or subscribed (an id in publishing.article, by id only:
-- no foreign key across schemas). The dashboard groups by it.
alter table members.member add column signup_article_id bigint;
create index member_by_signup_article on members.member (created_at, signup_article_id)
    where signup_article_id is not null;

alter table billing.subscription add column article_id bigint;

-- The dashboard counts members per day of sign-up and scans the event log by cause and time.
create index member_by_created on members.member (created_at);
create index subscription_event_by_cause on billing.subscription_event (cause, occurred_at);

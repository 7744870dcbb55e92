-- When the member was last seen (issue 16 §7), as Ghost's last_seen_at: written at most once a UTC day per member,
-- by a conditional update, never on every request. Null until the member is next seen.
alter table members.member add column last_seen_at timestamptz;

-- A member's staff page and an article's engagement page count the sign-ups an article brought.
create index member_by_signup_article_only on members.member (signup_article_id) where signup_article_id is not null;

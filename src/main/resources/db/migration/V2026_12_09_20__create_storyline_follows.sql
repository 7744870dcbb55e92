-- Following a storyline (issue 14 §2): a member asks for an email whenever a new article joins the storyline.
-- Owned by the newsletters module (a follow is a mail subscription to one storyline, beside the opt-ins);
-- members and storylines are referred to by id, no foreign keys across modules: the module deletes a member's
-- follows with the account and moves a merged storyline's follows to the storyline it was merged into.
create table newsletters.storyline_follow (
    member_id    bigint      not null,
    storyline_id bigint      not null,
    followed_at  timestamptz not null,
    primary key (member_id, storyline_id)
);
create index storyline_follow_storyline_ix on newsletters.storyline_follow (storyline_id, member_id);

-- A follow email is a send like a newsletter's (the same recipients, editions, workers and leases), to the
-- storyline's followers instead of a newsletter's members: storyline_id names the storyline, and newsletter_id
-- the newsletter whose sender it is mailed as. An article goes to a newsletter once, and to a storyline's
-- followers once.
alter table newsletters.send add column storyline_id bigint;
alter table newsletters.send drop constraint send_article_id_newsletter_id_key;
create unique index send_newsletter_once on newsletters.send (article_id, newsletter_id) where storyline_id is null;
create unique index send_storyline_once on newsletters.send (article_id, storyline_id) where storyline_id is not null;

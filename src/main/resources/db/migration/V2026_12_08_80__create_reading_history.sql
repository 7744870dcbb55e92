-- Reading history (issue 14, catching up): which articles a signed-in member has read, first and last.
-- Owned by the site module; refers to members and articles by id (no foreign keys across modules): the
-- site module deletes a member's rows when the account is deleted and an article's when it is deleted.
create schema if not exists site;

create table site.reading_history (
    member_id     bigint      not null,
    article_id    bigint      not null,
    first_read_at timestamptz not null,
    last_read_at  timestamptz not null,
    primary key (member_id, article_id)
);

create index reading_history_member_last_read on site.reading_history (member_id, last_read_at desc);
create index reading_history_article on site.reading_history (article_id);

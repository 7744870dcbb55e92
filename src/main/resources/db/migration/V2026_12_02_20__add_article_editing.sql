-- The newsroom editor (issue 5): search-engine and social fields, the editor's "author may publish"
-- switch, and a version number for optimistic locking (every save adds one).
alter table publishing.article
    add column seo_title          text not null default '' check (length(seo_title) <= 200),
    add column seo_description    text not null default '' check (length(seo_description) <= 300),
    add column social_image_url   text check (length(social_image_url) <= 2000),
    add column author_may_publish boolean not null default false,
    add column version            integer not null default 1;

-- Every saved version of an article's text. Autosaves by one person within a few minutes replace their
-- latest autosave row instead of piling up. saved_by is a members.member id (no cross-schema key);
-- the name is kept as it was, so the history reads the same after a rename.
create table publishing.article_revision (
    id            bigint generated always as identity primary key,
    article_id    bigint not null references publishing.article (id) on delete cascade,
    version       integer not null,
    title         text not null,
    dek           text not null,
    body_markdown text not null,
    saved_by      bigint not null,
    saved_by_name text not null,
    autosave      boolean not null,
    saved_at      timestamptz not null
);
create index article_revision_article_idx on publishing.article_revision (article_id, id desc);

-- Who has an article open in the editor: the editor page sends a heartbeat every 30 seconds.
create table publishing.editor_presence (
    article_id  bigint not null references publishing.article (id) on delete cascade,
    member_id   bigint not null,
    member_name text not null,
    opened_at   timestamptz not null,
    seen_at     timestamptz not null,
    primary key (article_id, member_id)
);

-- Authors, tags, storylines and articles. Slugs are lowercase words joined by single hyphens.
create table publishing.author (
    id         bigint generated always as identity primary key,
    slug       text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 100),
    name       text not null check (length(name) between 1 and 120),
    bio        text not null default '' check (length(bio) <= 2000),
    -- the staff user writing as this author, if any (a members.member id; no cross-schema key)
    member_id  bigint unique,
    created_at timestamptz not null
);

create table publishing.tag (
    id         bigint generated always as identity primary key,
    slug       text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 100),
    name       text not null check (length(name) between 1 and 80),
    created_at timestamptz not null
);

create table publishing.storyline (
    id          bigint generated always as identity primary key,
    slug        text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 100),
    title       text not null check (length(title) between 1 and 200),
    description text not null default '' check (length(description) <= 2000),
    created_at  timestamptz not null
);

-- The Markdown source is kept with both rendered halves: the preview everyone may read and the gated
-- rest. They are split when the article is saved, so a read never has to cut HTML.
create table publishing.article (
    id                 bigint generated always as identity primary key,
    slug               text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 100),
    title              text not null check (length(title) between 1 and 200),
    dek                text not null default '' check (length(dek) <= 300),
    body_markdown      text not null check (length(body_markdown) <= 200000),
    preview_html       text not null,
    gated_html         text not null,
    cover_image_url    text check (length(cover_image_url) <= 2000),
    status             text not null check (status in ('draft', 'scheduled', 'published')),
    published_at       timestamptz,
    visibility         text not null check (visibility in ('public', 'members', 'paid', 'tiers')),
    visibility_tiers   text[] not null default '{}',
    storyline_id       bigint references publishing.storyline (id),
    storyline_position integer check (storyline_position >= 1),
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    check ((status = 'draft') = (published_at is null)),
    check ((visibility = 'tiers') = (cardinality(visibility_tiers) > 0)),
    check ((storyline_id is null) = (storyline_position is null)),
    unique (storyline_id, storyline_position)
);
-- Every reading query filters on "not a draft and published_at <= now" and sorts by published_at.
create index article_live_idx on publishing.article (published_at desc, id desc) where status <> 'draft';

create table publishing.article_author (
    article_id bigint not null references publishing.article (id) on delete cascade,
    author_id  bigint not null references publishing.author (id),
    position   integer not null,
    primary key (article_id, author_id)
);
create index article_author_author_idx on publishing.article_author (author_id);

create table publishing.article_tag (
    article_id bigint not null references publishing.article (id) on delete cascade,
    tag_id     bigint not null references publishing.tag (id),
    position   integer not null,
    primary key (article_id, tag_id)
);
create index article_tag_tag_idx on publishing.article_tag (tag_id);

-- Slugs an article used to have; /p/{old} answers 301 to the current slug.
create table publishing.slug_alias (
    slug       text primary key,
    article_id bigint not null references publishing.article (id) on delete cascade,
    created_at timestamptz not null
);

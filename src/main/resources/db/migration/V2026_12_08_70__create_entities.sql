-- People, places and organisations the publication writes about (issue 14 §4), the articles that mention them and
-- the quotes attributed to them. Mentions and quotes are recomputed from the article's Markdown at every save;
-- "gated" says the text sits in the part only readers with access may read.
create table publishing.entity (
    id         bigint generated always as identity primary key,
    kind       text not null check (kind in ('person', 'place', 'organisation')),
    slug       text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 100),
    name       text not null check (length(name) between 1 and 120),
    bio        text not null default '' check (length(bio) <= 2000),
    created_at timestamptz not null
);

-- Another name the entity goes by ("Kim" for "Kim Jong Un"); an alias belongs to one entity only.
create table publishing.entity_alias (
    entity_id bigint not null references publishing.entity (id) on delete cascade,
    alias     text not null unique check (length(alias) between 1 and 120),
    primary key (entity_id, alias)
);

create table publishing.article_mention (
    article_id bigint not null references publishing.article (id) on delete cascade,
    entity_id  bigint not null references publishing.entity (id) on delete cascade,
    -- true when the entity is named only in the gated part
    gated      boolean not null,
    primary key (article_id, entity_id)
);

-- A name the matcher found that the editor said is not this entity ("Kim" meaning someone else): the article never
-- mentions it again, whatever later saves find.
create table publishing.article_mention_rejection (
    article_id bigint not null references publishing.article (id) on delete cascade,
    entity_id  bigint not null references publishing.entity (id) on delete cascade,
    primary key (article_id, entity_id)
);

create index article_mention_entity on publishing.article_mention (entity_id);

create table publishing.quote (
    id         bigint generated always as identity primary key,
    article_id bigint not null references publishing.article (id) on delete cascade,
    entity_id  bigint not null references publishing.entity (id) on delete cascade,
    position   int not null,
    text       text not null,
    said_on    date,
    gated      boolean not null,
    unique (article_id, position)
);

create index quote_entity on publishing.quote (entity_id, said_on);

-- Slugs a tag or storyline used to have, before a rename or a merge: /tag/{old} and /story/{old} answer 301
-- to where the tag or storyline is now. An alias follows its row through later renames (it holds the id).
create table publishing.tag_alias (
    slug       text primary key,
    tag_id     bigint not null references publishing.tag (id) on delete cascade,
    created_at timestamptz not null
);
create index tag_alias_tag_idx on publishing.tag_alias (tag_id);

create table publishing.storyline_alias (
    slug         text primary key,
    storyline_id bigint not null references publishing.storyline (id) on delete cascade,
    created_at   timestamptz not null
);
create index storyline_alias_storyline_idx on publishing.storyline_alias (storyline_id);

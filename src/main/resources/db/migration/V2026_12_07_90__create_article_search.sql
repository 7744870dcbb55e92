-- Reader and staff search (issue 13): PostgreSQL full-text search over stored, generated tsvectors.
--
-- unaccent() is only STABLE, so it cannot appear in a generated column; a text search configuration that
-- runs every word through the unaccent dictionary before stemming is IMMUTABLE to PostgreSQL and does the
-- same. The configuration starts as English; BACKSTORY_SEARCH_LANGUAGE changes its stemmer at start-up
-- (publishing's SearchLanguage), which then recomputes the columns below.
create extension if not exists unaccent;
create extension if not exists pg_trgm;

create text search configuration publishing.search (copy = pg_catalog.english);
alter text search configuration publishing.search
    alter mapping for hword, hword_part, word with unaccent, english_stem;

-- The language the configuration stems for (the name of a PostgreSQL stemmer, or 'simple').
create table publishing.search_settings (
    id       smallint primary key default 1 check (id = 1),
    language text not null
);
insert into publishing.search_settings (language) values ('english');

-- Tag names live in another table, which a generated column cannot read: triggers keep a copy on the
-- article, so every way of tagging (editor, Admin API, imports, tag rename and merge) keeps it right.
alter table publishing.article add column search_tags text not null default '';

create function publishing.article_tag_names(article bigint) returns text
    language sql stable
    as $$
        select coalesce(string_agg(t.name, ' ' order by at.position), '')
        from publishing.article_tag at join publishing.tag t on t.id = at.tag_id
        where at.article_id = article
    $$;

create function publishing.refresh_search_tags_of_tagging() returns trigger
    language plpgsql
    as $$
    begin
        if tg_op in ('INSERT', 'UPDATE') then
            update publishing.article set search_tags = publishing.article_tag_names(new.article_id)
            where id = new.article_id;
        end if;
        if tg_op in ('DELETE', 'UPDATE') then
            update publishing.article set search_tags = publishing.article_tag_names(old.article_id)
            where id = old.article_id;
        end if;
        return null;
    end
    $$;

create trigger article_tag_search_tags after insert or update or delete on publishing.article_tag
    for each row execute function publishing.refresh_search_tags_of_tagging();

create function publishing.refresh_search_tags_of_tag() returns trigger
    language plpgsql
    as $$
    begin
        update publishing.article a set search_tags = publishing.article_tag_names(a.id)
        where a.id in (select article_id from publishing.article_tag where tag_id = new.id);
        return null;
    end
    $$;

create trigger tag_name_search_tags after update of name on publishing.tag
    for each row when (old.name is distinct from new.name)
    execute function publishing.refresh_search_tags_of_tag();

update publishing.article a set search_tags = publishing.article_tag_names(a.id);

-- Three vectors, weighted A (title), B (dek, tags) and C (text):
--   search_head   title, dek and tags: small, kept in the row, used to rank (title > dek and tags > text);
--   search_whole  the head and the whole text: every reader's match for a public article, the match for a gated
--                 one only for readers the access policy lets read it all, and the staff list's;
--   search_public the head and the free preview of a gated article (null for a public one): what everyone else
--                 matches it on.
-- The gated half is matched here but never shown from here: snippets are built from the text the access
-- module hands out (search's ReaderSearch).
alter table publishing.article
    add column search_head tsvector generated always as (
        setweight(to_tsvector('publishing.search', title), 'A')
        || setweight(to_tsvector('publishing.search', dek), 'B')
        || setweight(to_tsvector('publishing.search', search_tags), 'B')) stored,
    add column search_whole tsvector generated always as (
        setweight(to_tsvector('publishing.search', title), 'A')
        || setweight(to_tsvector('publishing.search', dek), 'B')
        || setweight(to_tsvector('publishing.search', search_tags), 'B')
        || setweight(to_tsvector('publishing.search', preview_html || ' ' || gated_html), 'C')) stored,
    add column search_public tsvector generated always as (
        case when visibility <> 'public' then
            setweight(to_tsvector('publishing.search', title), 'A')
            || setweight(to_tsvector('publishing.search', dek), 'B')
            || setweight(to_tsvector('publishing.search', search_tags), 'B')
            || setweight(to_tsvector('publishing.search', preview_html), 'C')
        end) stored;

-- One index per kind of match, so that a search reads only the rows that match it: public articles on their
-- whole text, gated articles on their whole text (readers with access, filtered by visibility), gated articles on
-- their free part (everyone else). The staff list uses the first two.
create index article_search_whole_public_ix on publishing.article using gin (search_whole) where visibility = 'public';
create index article_search_whole_gated_ix on publishing.article using gin (search_whole) where visibility <> 'public';
create index article_search_public_gated_ix on publishing.article using gin (search_public) where visibility <> 'public';
-- The articles whose head holds any word of a query: they rank above those that match in the text only, so a
-- page of results is the best of these, then the newest of the rest (publishing's ArticleSearchRepository).
create index article_search_head_ix on publishing.article using gin (search_head);

-- Any word of a query: its lexemes joined by "or" (negated ones too; the full query is still matched).
create function publishing.search_any(query tsquery) returns tsquery
    language sql immutable strict
    as $$
        select coalesce(string_agg('''' || m[1] || '''', ' | ')::tsquery, query)
        from regexp_matches(query::text, '''((?:[^'']|'''')*)''', 'g') as m
    $$;

-- "Did you mean" (trigram similarity to words of titles) and the staff list's title search.
create index article_title_trgm_ix on publishing.article using gin (lower(title) gin_trgm_ops);

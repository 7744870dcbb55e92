-- A storyline's dated events: what happened, when (to the day, month or year), optionally who said what and
-- where to read more, and the article that covers it. The date is stored as the first day of its period, with the
-- precision saying how much of it to show. Source links are two parallel arrays (url, label; '' for no label).
create table publishing.storyline_event (
    id             bigint generated always as identity primary key,
    storyline_id   bigint not null references publishing.storyline (id) on delete cascade,
    happened_on    date not null,
    date_precision text not null check (date_precision in ('day', 'month', 'year')),
    summary        text not null check (length(summary) between 1 and 300),
    quote          text not null default '' check (length(quote) <= 1000),
    speaker        text not null default '' check (length(speaker) <= 120),
    source_urls    text[] not null default '{}',
    source_labels  text[] not null default '{}',
    article_id     bigint references publishing.article (id) on delete set null,
    key_event      boolean not null default false,
    created_at     timestamptz not null,
    check (cardinality(source_urls) = cardinality(source_labels) and cardinality(source_urls) <= 10),
    check (speaker = '' or quote <> '')
);

create index storyline_event_by_date on publishing.storyline_event (storyline_id, happened_on);

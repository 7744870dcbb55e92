-- The publication's own settings: exactly one row.
create table publishing.publication (
    id           smallint primary key default 1 check (id = 1),
    name         text not null check (length(name) between 1 and 120),
    tagline      text not null default '' check (length(tagline) <= 240),
    accent_color text not null default '#b4233c' check (accent_color ~ '^#[0-9a-fA-F]{6}$'),
    logo_url     text,
    updated_at   timestamptz not null default now()
);
insert into publishing.publication (name, tagline) values ('Backstory', 'The story behind the news');

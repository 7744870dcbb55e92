-- Gift links (issue 16 §2): a paying subscriber gifts one article a link that opens it whole for anyone, for a
-- few days and on a few browsers. How many a subscriber may make in a calendar month is set per plan.
alter table billing.plan add column gift_links_per_month integer not null default 5
    check (gift_links_per_month between 0 and 1000);

-- One link per giver, article and calendar month (UTC): gifting the article again that month gives the same link.
-- The token is kept as its SHA-256 for lookups and sealed (AES-GCM, the app's secret seal) so that the giver can
-- be shown the same link again; a copy of the table alone opens nothing.
create table access.gift_link (
    id           bigserial   primary key,
    token_hash   bytea       not null unique,
    token_sealed bytea       not null,
    giver_id     bigint      not null,
    article_id   bigint      not null,
    month        date        not null,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    unique (giver_id, month, article_id)
);

-- The distinct browsers (the server's own sealed browser-id cookie) a link has opened the article on.
create table access.gift_link_browser (
    gift_link_id bigint      not null references access.gift_link (id) on delete cascade,
    browser_id   bytea       not null,
    first_seen   timestamptz not null,
    primary key (gift_link_id, browser_id)
);

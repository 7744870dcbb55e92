-- Newsletter analytics per send (issue 16 §7): what became of each delivered message, and, when the owner
-- turns tracking on, opens (a pixel) and clicks (signed redirects).

-- Whether the send's messages carry the open pixel and tracked links: fixed when the send starts.
alter table newsletters.send add column tracked boolean not null default false;

-- Per message: first open and how many times the pixel loaded, first click, and the delivery reports
-- and unsubscribes attributed to this message.
alter table newsletters.recipient
    add column opened_at       timestamptz,
    add column opens           integer not null default 0,
    add column clicked_at      timestamptz,
    add column complained_at   timestamptz,
    add column unsubscribed_at timestamptz;

-- A member's messages (their engagement), newest first; also serves forgetting a deleted member.
create index recipient_member_ix on newsletters.recipient (member_id, send_id);

-- The links of a tracked send's editions, numbered: a click token names a position, never a URL, so
-- only a URL that was in the edition can be a redirect's target.
create table newsletters.send_link (
    send_id  bigint  not null references newsletters.send (id) on delete cascade,
    position integer not null check (position >= 0),
    url      text    not null check (url ~ '^https?://' and length(url) <= 4000),
    primary key (send_id, position)
);

-- Clicks per message and link: one row however often it is clicked.
create table newsletters.link_click (
    send_id   bigint      not null,
    member_id bigint      not null,
    position  integer     not null,
    clicks    integer     not null,
    first_at  timestamptz not null,
    last_at   timestamptz not null,
    primary key (send_id, member_id, position),
    foreign key (send_id, member_id) references newsletters.recipient (send_id, member_id) on delete cascade,
    foreign key (send_id, position) references newsletters.send_link (send_id, position) on delete cascade
);
create index link_click_link_ix on newsletters.link_click (send_id, position);

-- The owner's choice: off until turned on.
create table newsletters.analytics_setting (
    id         integer primary key check (id = 1),
    tracking   boolean not null,
    changed_by bigint,
    changed_at timestamptz not null
);

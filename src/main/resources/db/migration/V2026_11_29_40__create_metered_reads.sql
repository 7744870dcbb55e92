-- Paid articles a free member opened through the monthly meter. Reopening one in the same month is free.
create table access.metered_read (
    member_id  bigint      not null,
    month      date        not null,
    article_id bigint      not null,
    read_at    timestamptz not null,
    primary key (member_id, month, article_id)
);

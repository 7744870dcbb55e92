-- The house format as structure (issue 14 §1): an article's background and now part are columns of their own
-- beside the body (the opening of a piece in the format, or the whole of a free-standing one). The Java migration
-- 2026.12.09.11 (publishing's SplitHouseFormat) moves existing bodies written with the two headings into them.
alter table publishing.article
    add column background_markdown text not null default '' check (length(background_markdown) <= 200000),
    add column now_markdown        text not null default '' check (length(now_markdown) <= 200000);

alter table publishing.article_revision
    add column background_markdown text not null default '',
    add column now_markdown        text not null default '';

-- The section labels are the publication's voice, shown as the two sections' headings on every channel.
alter table publishing.publication
    add column background_label text not null default 'Before you read'
        check (length(background_label) between 1 and 80 and background_label !~ '[[:cntrl:]]'),
    add column now_label        text not null default 'What''s going on now'
        check (length(now_label) between 1 and 80 and now_label !~ '[[:cntrl:]]');

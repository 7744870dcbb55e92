-- The imports module (issue 12): archives from Ghost and Substack, checked by a dry run and then imported in
-- one transaction.
create schema imports;

-- An uploaded archive waiting for the staff member's confirmation, kept for an hour (like member imports).
create table imports.pending_archive (
    id         text        primary key,
    staff_id   bigint      not null,
    file_name  text        not null check (length(file_name) <= 255),
    content    bytea       not null,
    created_at timestamptz not null,
    expires_at timestamptz not null
);

-- What each imported article or member was on the old platform, so importing the same archive again adds
-- nothing: the source key is the old platform's id (Ghost's post id, Substack's post number, a subscriber's
-- lower-case address). The target is an id in publishing or members, referred to by value (no foreign key
-- across modules).
create table imports.imported_item (
    source      text        not null check (source in ('ghost', 'substack')),
    kind        text        not null check (kind in ('article', 'member')),
    source_key  text        not null check (length(source_key) between 1 and 300),
    target_id   bigint      not null,
    imported_at timestamptz not null,
    primary key (source, kind, source_key)
);

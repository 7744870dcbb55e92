-- Uploaded images. The files live under <dataDir>/media (see the media module); this table says which exist.
-- The same bytes uploaded twice are one image: sha256 is the digest of the original as uploaded.
create schema media;

create table media.image (
    id              bigint generated always as identity primary key,
    sha256          text not null unique check (sha256 ~ '^[0-9a-f]{64}$'),
    -- copies are <folder>/<name>-<width>.<extension>, the original originals/<folder>/<name>.<original_extension>
    name            text not null unique check (name ~ '^[0-9a-f]{16}$'),
    folder          text not null check (folder ~ '^[0-9]{4}/[0-9]{2}$'),
    extension       text not null check (extension in ('jpg', 'png')),
    original_extension text not null check (original_extension in ('jpg', 'png', 'gif')),
    original_width  integer not null check (original_width >= 1),
    original_height integer not null check (original_height >= 1),
    original_bytes  bigint not null check (original_bytes >= 1),
    -- the copies' widths, smallest first; the last is the largest copy, whose height is height
    widths          integer[] not null check (cardinality(widths) >= 1),
    height          integer not null check (height >= 1),
    created_at      timestamptz not null
);

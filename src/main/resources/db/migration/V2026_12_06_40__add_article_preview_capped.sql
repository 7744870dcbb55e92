-- Whether a gated article's free preview was cut short because it has no usable paywall marker (issue 11):
-- the editor and the publish page warn about it. The Java migration V2026_12_06_41 re-splits the gated
-- articles saved before, so none keeps an empty gated half.
alter table publishing.article add column preview_capped boolean not null default false;

-- A tag's own description (issue 13 §4): shown on its page and used as the page's meta description, and the
-- "description" of Ghost's tag objects (Content and Admin API, exports). Plain text, at most 500 characters as
-- in Ghost; publishing checks the length before writing.
alter table publishing.tag add column description text not null default '';

-- The anonymous meter (issue 16): paid articles a month a reader who is not signed in may read, counted in
-- a signed cookie (never in the database). 0, the default, turns it off.
alter table access.settings add column anonymous_reads int not null default 0 check (anonymous_reads between 0 and 100);

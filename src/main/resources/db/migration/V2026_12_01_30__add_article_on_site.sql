-- An article can be emailed to a newsletter without appearing on the site ("email only"). Such an
-- article is on no page, list, feed or sitemap and is not counted in its storyline's part numbers; a send
-- still finds it by id.
alter table publishing.article add column on_site boolean not null default true;

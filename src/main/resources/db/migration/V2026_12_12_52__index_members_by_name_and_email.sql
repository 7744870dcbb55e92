-- The staff member list sorts by name and by address (any case), keyset-paged on (sort value, id): these
-- indexes let each page start where the last one ended instead of sorting every member.
create index member_by_name_ix on members.member (lower(name), id);
create index member_by_email_ix on members.member (lower(email), id);

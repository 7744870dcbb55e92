-- Issue 5's newsroom roles: administrators run the site and its members, contributors write drafts only.
alter table members.member drop constraint member_role_check;
alter table members.member add constraint member_role_check
    check (role in ('MEMBER', 'CONTRIBUTOR', 'AUTHOR', 'EDITOR', 'ADMINISTRATOR', 'OWNER'));

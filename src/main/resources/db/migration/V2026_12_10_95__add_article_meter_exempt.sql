-- Per-article meter exemption (issue 16 §3): a paid or tier article an editor marks as never opened by the free-article
-- meters (neither the anonymous meter nor a free member's), such as a scoop the publication never gives away.
-- Meaningful for paid and tier articles only; saving any other visibility stores false.
alter table publishing.article add column meter_exempt boolean not null default false;

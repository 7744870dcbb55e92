-- Why a send was canceled (its article went back to draft, staff canceled it), and a fast way to tell
-- whether a send still has recipients to mail.
alter table newsletters.send add column detail text not null default '' check (length(detail) <= 500);
create index recipient_pending_send_ix on newsletters.recipient (send_id) where status = 'pending';

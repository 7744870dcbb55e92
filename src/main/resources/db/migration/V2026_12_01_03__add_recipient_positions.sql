-- Workers hand out a send's recipients in ranges of positions, counted on the send's row: taking the next
-- range is one small update, however many recipients have been mailed (a scan for due rows slows down as
-- the rows already mailed pile up until vacuum). The scan remains for retries and for a dead node's rows.
alter table newsletters.send add column handed_out integer not null default 0;
alter table newsletters.recipient add column position integer;
create index recipient_position_ix on newsletters.recipient (send_id, position);

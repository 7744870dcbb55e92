-- Each log entry also keeps what it replaced: whether the subscription was a running paid one before,
-- and the monthly value (and currency) it stood for. The dashboard then sums changes per day with a
-- plain grouped scan instead of sorting the whole log to pair each entry with the one before it.
alter table billing.subscription_event
    add column previous_paid     boolean not null default false,
    add column previous_mrr      bigint  not null default 0,
    add column previous_currency char(3);

update billing.subscription_event e
set previous_paid = p.previous_paid, previous_mrr = p.previous_mrr, previous_currency = p.previous_currency
from (
    select id,
           coalesce(lag(kind = 'paid' and to_status in ('active', 'past_due', 'canceled')) over w, false) as previous_paid,
           coalesce(lag(mrr_after) over w, 0) as previous_mrr,
           lag(currency) over w as previous_currency
    from billing.subscription_event
    window w as (partition by subscription_id order by occurred_at, id)
) p
where p.id = e.id;

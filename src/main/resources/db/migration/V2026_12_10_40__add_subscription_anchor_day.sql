-- The day of the month a subscription renews on (Stripe's billing cycle anchor): a subscription whose paid
-- periods began on the 31st renews on the last day of shorter months and returns to the 31st, instead of
-- drifting to the 28th after February. Null for subscriptions that never renew on a cycle (comps, gifts);
-- then the period start's own day is used.
alter table billing.subscription add column anchor_day smallint check (anchor_day between 1 and 31);

-- The first paid period began at the trial's end, else with the first successful checkout payment; a
-- subscription with neither (restored or comped) keeps its current period's day.
update billing.subscription s
set anchor_day = extract(day from coalesce(
        s.trial_end,
        (select min(p.period_start) from billing.payment p
         where p.subscription_id = s.id and p.purpose = 'checkout' and p.status = 'succeeded'),
        s.current_period_start) at time zone 'UTC')
where s.billing_interval is not null and s.current_period_start is not null;

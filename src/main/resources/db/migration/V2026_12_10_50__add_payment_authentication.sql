-- A renewal charge the member's bank wants authenticated (SCA: Stripe's authentication_required) is not a
-- decline: the payment stays pending, waiting for the member to confirm it on
-- /account/payments/{id}/confirm, and this says since when. The gateway's reference to it (Stripe: the
-- PaymentIntent) is kept in gateway_charge_id meanwhile.
alter table billing.payment add column authentication_requested_at timestamptz;
create index payment_awaiting_authentication on billing.payment (subscription_id)
    where status = 'pending' and authentication_requested_at is not null;

-- The sandbox's stand-in for Stripe's test card 4000 0027 6000 3184: every off-session charge needs the
-- member to authenticate it, and the sandbox charge remembers whether they did.
alter table billing.sandbox_card drop constraint sandbox_card_behaviour_check;
alter table billing.sandbox_card add constraint sandbox_card_behaviour_check
    check (behaviour in ('always_succeeds', 'first_charge_only', 'always_declines', 'requires_authentication'));

-- A gift's buyer may enter their card on the gateway's page too; that card pays for the gift and is never
-- filed.
alter table billing.card_setup drop constraint card_setup_purpose_check;
alter table billing.card_setup
    add constraint card_setup_purpose_check check (purpose in ('checkout', 'card', 'gift'));

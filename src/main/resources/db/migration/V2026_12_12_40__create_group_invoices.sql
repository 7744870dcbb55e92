-- Group licences sold by invoice (issue 16 §1): staff sell a group subscription to an institution that pays by bank
-- transfer. Such a subscription is never charged by card: the renewal run leaves it alone and the invoice run renews
-- it, issuing the next invoice; staff mark invoices paid by hand.

alter table billing.subscription
    add column payment_method text not null default 'card' check (payment_method in ('card', 'invoice'));
create index subscription_invoice_period_end on billing.subscription (current_period_end)
    where payment_method = 'invoice';

alter table billing.payment drop constraint payment_purpose_check;
alter table billing.payment
    add constraint payment_purpose_check check (purpose in ('checkout', 'renewal', 'plan_change', 'gift', 'seats', 'invoice'));

-- Who is billed for an invoice licence, and on what terms; one row per invoice subscription.
create table billing.invoice_licence (
    subscription_id   bigint      primary key references billing.subscription (id) on delete cascade,
    institution       text        not null check (length(institution) between 1 and 200),
    billing_address   text        not null check (length(billing_address) <= 1000),
    contact_email     text        not null check (length(contact_email) <= 254),
    payment_terms     int         not null check (payment_terms between 0 and 365),
    po_number         text        check (length(po_number) <= 100),
    sold_by           bigint      not null,
    sold_at           timestamptz not null
);

-- One invoice per licence period, numbered from the sequence receipts use, so every number is unique and a paid
-- invoice's receipt carries the invoice's own number.
create table billing.group_invoice (
    id              bigint      generated always as identity primary key,
    invoice_number  bigint      not null unique,
    subscription_id bigint      not null references billing.subscription (id) on delete cascade,
    period_start    timestamptz not null,
    period_end      timestamptz not null,
    seats           int         not null check (seats between 1 and 1000),
    included_seats  int         not null check (included_seats between 1 and 1000),
    base_amount     bigint      not null check (base_amount >= 0),
    seat_price      bigint      not null check (seat_price >= 0),
    amount          bigint      not null check (amount > 0),
    currency        char(3)     not null,
    po_number       text,
    issued_at       timestamptz not null,
    due_at          timestamptz not null,
    status          text        not null check (status in ('open', 'paid', 'void')),
    paid_at         timestamptz,
    paid_reference  text        check (length(paid_reference) <= 200),
    payment_id      bigint      references billing.payment (id),
    voided_at       timestamptz,
    check ((status = 'paid') = (paid_at is not null and payment_id is not null)),
    check ((status = 'void') = (voided_at is not null)),
    -- the invoice run issues one invoice per period, however often it runs
    unique (subscription_id, period_start)
);
create index group_invoice_open_due on billing.group_invoice (due_at) where status = 'open';

-- The words printed under "How to pay" on every invoice; null for the default sentence.
alter table billing.settings add column invoice_payment_text text check (length(invoice_payment_text) <= 2000);

-- Issue 16 §3: the paid articles a reader read through the anonymous meter (their signed cookie) before signing
-- up are carried into their new account when they confirm their address, as metered reads marked carried: open to
-- them again for the rest of the month, and never counted against the member's allowance.
alter table access.metered_read add column carried boolean not null default false;

-- The anonymous reads a reader still had when they signed up: in that month the member's allowance is at least
-- this, so signing up never leaves them fewer reads than the registration wall's "sign up free to keep reading"
-- promised.
create table access.signup_meter (
    member_id  bigint not null,
    month      date   not null,
    reads_left int    not null check (reads_left >= 0),
    primary key (member_id, month)
);

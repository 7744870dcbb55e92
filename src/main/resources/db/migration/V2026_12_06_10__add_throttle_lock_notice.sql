-- A counter now counts attempts as they are reserved, before the password (or code) is checked, so that
-- parallel requests cannot beat the limit; `failures` keeps its name and holds those reserved attempts.
-- When password sign-in for an address is refused because the address is locked, the address is mailed a
-- sign-in link once per lock-out: this remembers the `locked_until` of the lock-out it was mailed for.
alter table members.sign_in_throttle add column link_mailed_for timestamptz;

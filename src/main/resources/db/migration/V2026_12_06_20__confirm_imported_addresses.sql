-- Newsletters now go only to confirmed addresses (double opt-in), and imports count as confirmed: the
-- publication vouches for the list it imports. Until this version every sign-up chose a password, so an
-- account without a password whose address was never verified came from an import or from staff: confirm
-- those. Unverified accounts with a password (sign-ups that never confirmed) stay unconfirmed and get no
-- newsletter until their address is proven.
update members.member
set email_verified_at = created_at, updated_at = now()
where email_verified_at is null and password_hash is null;

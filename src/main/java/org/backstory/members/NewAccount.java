package org.backstory.members;

import org.jspecify.annotations.Nullable;

/**
 * An account to create through {@link MemberDirectory#createAccount}, for seeding and
 * imports.
 *
 * @param email a valid address of at most 254 characters
 * @param name 1 to 100 characters
 * @param password the raw password (10 to 200 characters), or null for an account that
 * signs in by emailed link only
 * @param role member or staff role
 * @param verified whether to mark the address verified
 */
public record NewAccount(String email, String name, @Nullable String password, MemberRole role, boolean verified) {
}

package org.backstory.members.account;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the first owner is created.
 *
 * @param ownerEmail the owner's address ({@code BACKSTORY_OWNER_EMAIL}): a start with no
 * owner creates the account and mails it a link to choose a password; empty prints a
 * setup link in the log instead
 */
@ConfigurationProperties("backstory.setup")
record SetupProperties(@Nullable String ownerEmail) {

	Optional<String> owner() {
		return ownerEmail == null || ownerEmail.isBlank() ? Optional.empty() : Optional.of(ownerEmail.strip());
	}

}

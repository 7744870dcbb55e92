package org.backstory.members.account;

/** Sign-up with an address that already has an account. */
public class EmailTakenException extends RuntimeException {

	EmailTakenException() {
		super("An account with this email address already exists");
	}

}

package org.backstory.members.account;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A sealed two-factor secret that this node's key does not open: the key differs from the
 * one it was sealed with (another node's, or a lost key file replaced by a new one), or
 * the stored bytes were altered. The request answers 503: the operator, not the member,
 * must act.
 */
@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
public class WrongTwoFactorKeyException extends RuntimeException {

	WrongTwoFactorKeyException() {
		super("A two-factor secret does not open with this server's key (BACKSTORY_TWO_FACTOR_KEY or "
				+ "two-factor.key in the data directory): every app node must use the key the secrets were sealed with.");
	}

}

package org.backstory;

/** {@code BACKSTORY_TRUSTED_PROXIES} holds something that is not an IP address or a CIDR range. */
class InvalidTrustedProxiesException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	InvalidTrustedProxiesException(String message) {
		super(message);
	}

}

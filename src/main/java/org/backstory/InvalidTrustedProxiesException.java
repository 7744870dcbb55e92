package org.backstory;

import org.backstory.shared.StartRefused;

/**
 * {@code BACKSTORY_TRUSTED_PROXIES} holds something that is not an IP address or a CIDR
 * range.
 */
class InvalidTrustedProxiesException extends StartRefused {

	private static final long serialVersionUID = 1L;

	InvalidTrustedProxiesException(String message) {
		super(message, "Set BACKSTORY_TRUSTED_PROXIES to the addresses of the reverse proxies in front of the app, or "
				+ "unset it to trust only a proxy on this machine (127.0.0.1 and ::1).");
	}

}

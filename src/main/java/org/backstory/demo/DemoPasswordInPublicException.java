package org.backstory.demo;

import java.util.List;

import org.backstory.shared.StartRefused;

/**
 * A public start found demo accounts that still have the published password; the message
 * says what to do.
 */
class DemoPasswordInPublicException extends StartRefused {

	private static final long serialVersionUID = 1L;

	DemoPasswordInPublicException(String publicBecause, List<String> accounts) {
		super("Backstory will not start because this site is public (" + publicBecause + ") and the demo accounts "
				+ String.join(", ", accounts) + " still have the published password '" + DemoSeeder.PASSWORD
				+ "': start a real publication on an empty database (a new BACKSTORY_DATA_DIR or "
				+ "BACKSTORY_DATABASE_URL), or start this one locally and change those passwords first.",
				"A site counts as local when BACKSTORY_BIND_ADDRESS is a loopback address and BACKSTORY_BASE_URL is "
						+ "http://localhost or http://127.0.0.1 (see the README's quick start).");
	}

}

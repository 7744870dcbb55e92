package org.backstory;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad {@code BACKSTORY_TRUSTED_PROXIES} into Spring Boot's short start-up failure report, without a stack trace. */
class TrustedProxiesFailureAnalyzer extends AbstractFailureAnalyzer<InvalidTrustedProxiesException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidTrustedProxiesException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set BACKSTORY_TRUSTED_PROXIES to the addresses of the reverse proxies in front of the app, or unset it "
						+ "to trust only a proxy on this machine (127.0.0.1 and ::1).",
				cause);
	}

}

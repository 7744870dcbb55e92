package org.backstory.members.account;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an unusable two-factor key into Spring Boot's short start-up failure report, without a stack trace. */
class TwoFactorKeyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidTwoFactorKeyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidTwoFactorKeyException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Give every app node the key the staff's two-factor secrets were sealed with (BACKSTORY_TWO_FACTOR_KEY, "
						+ "or the data directory's two-factor.key). If that key is lost, so are the secrets: run "
						+ "'delete from members.two_factor; update members.two_factor_settings set key_check = null' and "
						+ "have the staff turn two-factor sign-in on again.",
				cause);
	}

}

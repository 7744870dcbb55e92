package org.backstory.email.dkim;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns bad DKIM settings into Spring Boot's short "APPLICATION FAILED TO START" report, without a stack trace. */
class DkimFailureAnalyzer extends AbstractFailureAnalyzer<InvalidDkimConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidDkimConfigurationException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Fix the BACKSTORY_DKIM_* variables, or unset all three to send mail without a DKIM signature "
						+ "(see docs/deliverability.md).",
				cause);
	}

}

package org.backstory.demo;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused public start into Spring Boot's short "APPLICATION FAILED TO START" report, without a stack trace. */
class DemoPasswordFailureAnalyzer extends AbstractFailureAnalyzer<DemoPasswordInPublicException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DemoPasswordInPublicException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"A site counts as local when BACKSTORY_BIND_ADDRESS is a loopback address and BACKSTORY_BASE_URL is "
						+ "http://localhost or http://127.0.0.1 (see the README's quick start).",
				cause);
	}

}

package org.backstory.shared;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link StartRefused} as its sentence and its action; registered in
 * {@code META-INF/spring.factories}.
 */
public class StartRefusedFailureAnalyzer extends AbstractFailureAnalyzer<StartRefused> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, StartRefused cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}

package org.backstory.shared;

import org.jspecify.annotations.Nullable;

/**
 * A start that must not go on because of a setting: the message is the one sentence the
 * operator reads, and {@link #action()} what to do about it.
 * {@link StartRefusedFailureAnalyzer} prints both as Spring Boot's short "APPLICATION
 * FAILED TO START" report, without a stack trace.
 */
public class StartRefused extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String action;

	public StartRefused(String problem, String action) {
		this(problem, action, null);
	}

	public StartRefused(String problem, String action, @Nullable Throwable cause) {
		super(problem, cause);
		this.action = action;
	}

	/** What the operator should change. */
	public String action() {
		return action;
	}

}

package org.backstory.publishing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an {@link Entity} is. */
public enum EntityKind {

	PERSON("Person"), PLACE("Country or place"), ORGANISATION("Organisation");

	private final String label;

	EntityKind(String label) {
		this.label = label;
	}

	/** The kind as forms and pages name it. */
	public String label() {
		return label;
	}

	/**
	 * The kind as stored and submitted: {@code person}, {@code place},
	 * {@code organisation}.
	 */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The kind with this code, if any. */
	public static Optional<EntityKind> ofCode(String code) {
		return Arrays.stream(values()).filter(kind -> kind.code().equals(code)).findFirst();
	}

}

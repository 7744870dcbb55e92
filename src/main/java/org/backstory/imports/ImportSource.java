package org.backstory.imports;

/** The platform an archive comes from. */
public enum ImportSource {

	GHOST("ghost", "Ghost"), SUBSTACK("substack", "Substack");

	private final String code;

	private final String label;

	ImportSource(String code, String label) {
		this.code = code;
		this.label = label;
	}

	/** How the source is stored with each imported item. */
	public String code() {
		return code;
	}

	/** The platform's name as people write it. */
	public String label() {
		return label;
	}

}

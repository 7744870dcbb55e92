package org.backstory.publishing;

/**
 * Where to read more about a storyline event.
 *
 * @param url an http or https address
 * @param label what the link says, or empty to show the address's host
 */
public record SourceLink(String url, String label) {

	/** The label, or the address's host when there is none. */
	public String text() {
		if (!label.isEmpty()) {
			return label;
		}
		String rest = url.substring(url.indexOf("//") + 2);
		int end = rest.indexOf('/');
		return end < 0 ? rest : rest.substring(0, end);
	}

}

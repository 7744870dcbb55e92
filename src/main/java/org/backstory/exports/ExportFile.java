package org.backstory.exports;

/**
 * One file of the export, as a download of its own and as an entry of the whole archive.
 */
public enum ExportFile {

	/** The articles in Ghost's JSON export format. */
	POSTS("posts", "json", "application/json"),
	/** The members in Ghost's member CSV, with their newsletter opt-ins. */
	MEMBERS("members", "csv", "text/csv;charset=UTF-8"),
	/** Every subscription, paid and comped. */
	SUBSCRIPTIONS("subscriptions", "csv", "text/csv;charset=UTF-8"),
	/** Every payment attempt, with what was refunded. */
	PAYMENTS("payments", "csv", "text/csv;charset=UTF-8"),
	/**
	 * Every subscription's history of changes, which the revenue figures are computed
	 * from.
	 */
	SUBSCRIPTION_EVENTS("subscription_events", "csv", "text/csv;charset=UTF-8"),
	/** The uploaded images' files. */
	IMAGES("images", "zip", "application/zip");

	private final String name;

	private final String extension;

	private final String contentType;

	ExportFile(String name, String extension, String contentType) {
		this.name = name;
		this.extension = extension;
		this.contentType = contentType;
	}

	/** The name in URLs and in the archive, e.g. {@code posts.json}. */
	public String fileName() {
		return name + "." + extension;
	}

	public String contentType() {
		return contentType;
	}

}

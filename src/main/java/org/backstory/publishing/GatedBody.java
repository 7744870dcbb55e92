package org.backstory.publishing;

/**
 * The part of an article after its free preview, as sanitised HTML. Only the access
 * module may open it ({@code ArchitectureTests} enforces this), so paid text reaches a
 * channel only through the access decision. {@link #toString()} never shows the text, so
 * it cannot slip out through a log or a template.
 */
public final class GatedBody {

	private static final GatedBody EMPTY = new GatedBody("");

	private final String html;

	private GatedBody(String html) {
		this.html = html;
	}

	public static GatedBody of(String html) {
		return html.isEmpty() ? EMPTY : new GatedBody(html);
	}

	/**
	 * The gated HTML. Call only after the access policy has granted the reader access.
	 */
	public String html() {
		return html;
	}

	public boolean isEmpty() {
		return html.isEmpty();
	}

	@Override
	public String toString() {
		return "GatedBody[" + html.length() + " chars]";
	}

}

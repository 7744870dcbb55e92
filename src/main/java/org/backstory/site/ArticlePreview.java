package org.backstory.site;

import java.util.List;

/**
 * The banner over a staff preview of an article page: whom the page is shown as, and
 * links to the other readers and back to the editor.
 *
 * @param asWho the reader the page is shown as, e.g. "a paying subscriber"
 * @param status the article's status (draft, scheduled, published)
 * @param choices one link per kind of reader
 * @param editorHref the article's editor
 */
public record ArticlePreview(String asWho, String status, List<Choice> choices, String editorHref) {

	public ArticlePreview {
		choices = List.copyOf(choices);
	}

	/**
	 * One kind of reader to preview as.
	 *
	 * @param label e.g. "Anonymous"
	 * @param href the preview as that reader
	 * @param current whether this is the preview shown
	 */
	public record Choice(String label, String href, boolean current) {
	}

}

package org.backstory.publishing.web;

import java.util.List;

import org.backstory.publishing.HouseLabels;
import org.backstory.publishing.Vocabulary;
import org.backstory.shared.web.CsrfField;
import org.jspecify.annotations.Nullable;

/**
 * Everything the editor page shows.
 *
 * @param form the fields as saved or as just posted
 * @param status {@code new}, {@code draft}, {@code scheduled} or {@code published}
 * @param publishedAt when it went or goes live, as text; empty for a draft
 * @param problems why the last save or action was refused
 * @param conflict whether the last save was refused because someone saved a newer version
 * @param notice what the last action did
 * @param paywallWarning what the writer should know about where readers without access
 * stop (a marker a save would refuse, a capped preview, a gated background, house
 * headings left in a free-standing body), or null
 * @param others "Eddie Editor has been editing this article since 12:01", one line per
 * other person
 * @param mayPublish whether this staff member may publish, schedule and unpublish it
 * @param mayAllowAuthors whether this staff member may switch "author may publish"
 * @param autosave whether the page saves by itself (drafts only)
 * @param vocabulary the authors, tags and storylines to choose from
 * @param csrf the form's CSRF field (also sent as a header by the page's script)
 * @param csrfHeader the CSRF header's name
 * @param coveredByAnEvent whether a storyline event already names this article as the one
 * that covers it
 * @param labels the publication's labels for the house format's two panes
 */
public record EditorPage(ArticleForm form, String status, String publishedAt, List<String> problems, boolean conflict,
		@Nullable String notice, @Nullable String paywallWarning, List<String> others, boolean mayPublish,
		boolean mayAllowAuthors, boolean autosave, Vocabulary vocabulary, CsrfField csrf, String csrfHeader,
		boolean coveredByAnEvent, HouseLabels labels) {

	public EditorPage {
		problems = List.copyOf(problems);
		others = List.copyOf(others);
	}

	public boolean isNew() {
		return form.id() == null;
	}

	public String action() {
		return isNew() ? "/admin/articles" : "/admin/articles/" + form.id();
	}

	/**
	 * The "Add as an event" link of a published article in a storyline, which opens the
	 * storyline's event form filled in from the article; null otherwise, once an event
	 * covers it, and for staff below editor, who may not edit storylines.
	 */
	public @Nullable String addAsEventHref() {
		if (!mayAllowAuthors || coveredByAnEvent || !status.equals("published") || form.id() == null
				|| form.storyline() == null) {
			return null;
		}
		return vocabulary.storylines()
			.stream()
			.filter(storyline -> storyline.slug().equals(form.storyline()))
			.findFirst()
			.map(storyline -> "/admin/storylines/" + storyline.id() + "?cover=" + form.id() + "#events")
			.orElse(null);
	}

	public String title() {
		return isNew() ? "New article" : "Edit “" + (form.title() == null ? "" : form.title()) + "”";
	}

}

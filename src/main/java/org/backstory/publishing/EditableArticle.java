package org.backstory.publishing;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An article as the editor loads it: its draft, where it stands, and the version a save
 * must be based on.
 *
 * @param draft the content, with the article's id
 * @param status {@code draft}, {@code scheduled} or {@code published}, as readers see it
 * now
 * @param publishedAt when it went or goes live; null for a draft
 * @param version the number a save must carry; every save adds one
 * @param authorMayPublish whether an editor has allowed its authors to publish it
 */
public record EditableArticle(ArticleDraft draft, String status, @Nullable Instant publishedAt, int version,
		boolean authorMayPublish) {

	public long id() {
		Long id = draft.id();
		if (id == null) {
			throw new IllegalStateException("an editable article always has an id");
		}
		return id;
	}

	public boolean draftOnly() {
		return "draft".equals(status);
	}

}

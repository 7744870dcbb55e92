package org.backstory.publishing;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Renders every article in the house format again, for a change of the section labels:
 * the labels are part of the stored halves, so that no channel composes them on its own.
 * Only the rendered halves change.
 */
@Component
class FormattedArticles {

	private static final int BATCH = 100;

	private final FormattedArticleRepository repository;

	private final ArticleRenderer renderer = new ArticleRenderer();

	FormattedArticles(FormattedArticleRepository repository) {
		this.repository = repository;
	}

	/**
	 * Renders each article with a background or a now part again, 100 at a time; returns
	 * how many.
	 */
	int renderAgain(HouseLabels labels) {
		int rendered = 0;
		long after = 0;
		while (true) {
			List<FormattedArticleRepository.Formatted> rows = repository.after(after, BATCH);
			for (FormattedArticleRepository.Formatted row : rows) {
				RenderedBody body = renderer.render(row.text(), row.gated(), labels);
				repository.setRendered(row.id(), body);
				after = row.id();
				rendered++;
			}
			if (rows.size() < BATCH) {
				return rendered;
			}
		}
	}

}

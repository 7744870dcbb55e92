package org.backstory.publishing;

import java.util.List;

/**
 * One page of the staff article list.
 *
 * @param rows the page's articles, most recently saved first
 * @param page the page number from 1: the last page when a later one was asked for
 * @param total how many articles match the filters
 */
public record ArticleListing(List<ArticleRow> rows, int page, long total) {

	public ArticleListing {
		rows = List.copyOf(rows);
	}

	public boolean hasPrevious() {
		return page > 1;
	}

	public boolean hasNext() {
		return (long) page * ArticleQuery.PAGE_SIZE < total;
	}

}

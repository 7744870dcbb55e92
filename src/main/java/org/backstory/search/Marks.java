package org.backstory.search;

import org.backstory.publishing.ArticleSearch;
import org.springframework.web.util.HtmlUtils;

/**
 * Turns a headline marked with {@link ArticleSearch#MATCH_START} and
 * {@link ArticleSearch#MATCH_END} into safe HTML: {@code ts_headline} leaves {@code <}
 * and {@code &} raw, so the text is escaped first and only then are the marks swapped for
 * {@code <mark>} tags.
 */
final class Marks {

	private Marks() {
	}

	/**
	 * The characters that mean a match; removed from what is searched, so text cannot
	 * forge them.
	 */
	static String withoutMarks(String text) {
		return text.replace(ArticleSearch.MATCH_START, ' ').replace(ArticleSearch.MATCH_END, ' ');
	}

	static String html(String marked) {
		StringBuilder html = new StringBuilder();
		boolean open = false;
		for (String part : HtmlUtils.htmlEscape(marked, "UTF-8").split("(?=[\uE000\uE001])|(?<=[\uE000\uE001])")) {
			if (part.equals(String.valueOf(ArticleSearch.MATCH_START)) && !open) {
				html.append("<mark>");
				open = true;
			}
			else if (part.equals(String.valueOf(ArticleSearch.MATCH_END)) && open) {
				html.append("</mark>");
				open = false;
			}
			else if (part.length() != 1 || part.charAt(0) < '\uE000' || part.charAt(0) > '\uE001') {
				html.append(part);
			}
		}
		return open ? html.append("</mark>").toString() : html.toString();
	}

}

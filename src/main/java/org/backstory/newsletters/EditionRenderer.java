package org.backstory.newsletters;

import org.backstory.access.ReadableArticle;
import org.backstory.publishing.Publication;
import org.backstory.shared.BackstoryProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** Renders one edition of an emailed article: the subject and both bodies, with placeholders. */
@Component
class EditionRenderer {

	private final BackstoryProperties site;

	EditionRenderer(BackstoryProperties site) {
		this.site = site;
	}

	EditionContent render(Newsletter newsletter, ReadableArticle readable, Publication publication) {
		var article = readable.article();
		String link = site.link("/p/" + article.slug());
		StringBuilder html = new StringBuilder("<html><body><h1>").append(HtmlUtils.htmlEscape(article.title()))
			.append("</h1>")
			.append(readable.bodyHtml());
		StringBuilder text = new StringBuilder(article.title()).append("\n\n").append(link).append("\n\n");
		if (readable.paywall() != null) {
			var box = readable.paywall();
			html.append("<div><p>").append(HtmlUtils.htmlEscape(box.message())).append("</p><a href=\"")
				.append(site.link(box.primary().href())).append("\">").append(HtmlUtils.htmlEscape(box.primary().label()))
				.append("</a>");
			text.append(box.message()).append("\n").append(box.primary().label()).append(": ")
				.append(site.link(box.primary().href())).append("\n");
			if (box.secondary() != null) {
				html.append(" <a href=\"").append(site.link(box.secondary().href())).append("\">")
					.append(HtmlUtils.htmlEscape(box.secondary().label())).append("</a>");
				text.append(box.secondary().label()).append(": ").append(site.link(box.secondary().href())).append("\n");
			}
			html.append("</div>");
		}
		html.append("<p><a href=\"").append(Personalization.UNSUBSCRIBE_URL).append("\">Unsubscribe</a> · <a href=\"")
			.append(Personalization.PREFERENCES_URL).append("\">Preferences</a> · Sent to ")
			.append(Personalization.ADDRESS).append("</p><p>")
			.append(HtmlUtils.htmlEscape(publication.postalAddress())).append("</p></body></html>");
		text.append("\n--\nUnsubscribe: ").append(Personalization.UNSUBSCRIBE_URL).append("\nPreferences: ")
			.append(Personalization.PREFERENCES_URL).append("\nSent to ").append(Personalization.ADDRESS).append("\n")
			.append(publication.postalAddress()).append("\n");
		return new EditionContent(article.title(), html.toString(), text.toString());
	}

}

package org.backstory.newsletters;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.backstory.access.PaywallBox;
import org.backstory.access.ReadableArticle;
import org.backstory.newsletters.edition.EmailView;
import org.backstory.newsletters.edition.EmailView.Box;
import org.backstory.newsletters.edition.EmailView.Footer;
import org.backstory.newsletters.edition.EmailView.Header;
import org.backstory.newsletters.edition.EmailView.Link;
import org.backstory.newsletters.edition.EmailView.Story;
import org.backstory.publishing.Article;
import org.backstory.publishing.AuthorRef;
import org.backstory.publishing.Publication;
import org.backstory.publishing.StorylineRef;
import org.backstory.shared.BackstoryProperties;
import org.backstory.shared.Dates;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Renders one edition of an emailed article: the subject (the article's title), an
 * email-safe HTML part ({@code newsletters/email.jte}: a 600px table column, inline
 * styles, absolute URLs, dark-mode aware) and a plain-text part, both with the
 * {@link Personalization} placeholders in the footer. It renders only what the
 * {@link ReadableArticle} holds, so a preview edition cannot carry paid text. Done once
 * per edition of a send, not per recipient.
 */
@Component
class EditionRenderer {

	private static final String TEMPLATE = "newsletters/email.jte";

	private final BackstoryProperties site;

	private final TemplateEngine templates;

	EditionRenderer(BackstoryProperties site, TemplateEngine templates) {
		this.site = site;
		this.templates = templates;
	}

	EditionContent render(Newsletter newsletter, ReadableArticle readable, Publication publication) {
		return render(newsletter, readable, publication, null);
	}

	/**
	 * The edition of a newsletter, or with {@code followed} (the storyline's title) of a
	 * follow email: the same article, the subject "New in <storyline>: <title>", and a
	 * footer that says why it came and unfollows the storyline.
	 */
	EditionContent render(Newsletter newsletter, ReadableArticle readable, Publication publication,
			@Nullable String followed) {
		Article article = readable.article();
		EmailLinks links = new EmailLinks(site, article.slug());
		EmailStyles styles = new EmailStyles(publication.accentColor());
		EmailBody body = EmailBody.of(readable.bodyHtml(), links, styles);
		EmailView view = new EmailView(header(publication, article, links, styles), story(article, links), body.html(),
				box(readable.paywall(), links), footer(newsletter, publication, followed));
		StringOutput html = new StringOutput(16 * 1024 + 2 * body.html().length());
		templates.render(TEMPLATE, Map.of("email", view), new LiteralPercents.HtmlOutput(html));
		String subject = followed == null ? article.title() : "New in " + followed + ": " + article.title();
		return new EditionContent(subject, html.toString(), EditionText.of(view, body.text()));
	}

	private static Header header(Publication publication, Article article, EmailLinks links, EmailStyles styles) {
		String logo = publication.logoUrl() == null ? null : links.absolute(publication.logoUrl());
		return new Header(publication.name(), logo, links.toSite("/"), styles.accent(), article.dek());
	}

	private static Story story(Article article, EmailLinks links) {
		StorylineRef storyline = article.storyline();
		Link kicker = storyline == null ? null : new Link("Part " + storyline.position() + " of " + storyline.title(),
				links.toSite("/story/" + storyline.slug()));
		String cover = article.coverImageUrl() == null ? null : links.absolute(article.coverImageUrl());
		return new Story(kicker, article.title(), article.onSite() ? links.articlePage() : null, article.dek(),
				byline(article.authors()), Dates.readerDate(article.publishedAt()), cover);
	}

	/** "By Ana", "By Ana and Ben", "By Ana, Ben and Cy"; empty without authors. */
	private static String byline(List<AuthorRef> authors) {
		if (authors.isEmpty()) {
			return "";
		}
		List<String> names = authors.stream().map(AuthorRef::name).toList();
		String last = names.get(names.size() - 1);
		return "By "
				+ (names.size() == 1 ? last : String.join(", ", names.subList(0, names.size() - 1)) + " and " + last);
	}

	private static @Nullable Box box(@Nullable PaywallBox box, EmailLinks links) {
		if (box == null) {
			return null;
		}
		return new Box(box.heading(), box.message(), link(box.primary(), links),
				box.secondary() == null ? null : link(box.secondary(), links), box.footnote());
	}

	private static Link link(PaywallBox.Action action, EmailLinks links) {
		return new Link(action.label(), Objects.requireNonNullElse(links.absolute(action.href()), links.articlePage()));
	}

	private static Footer footer(Newsletter newsletter, Publication publication, @Nullable String followed) {
		List<String> postal = publication.postalAddress()
			.lines()
			.map(String::strip)
			.filter(line -> !line.isEmpty())
			.toList();
		String reason = followed == null
				? "You're receiving " + newsletter.name() + " from " + publication.name() + " because you subscribed."
				: "You're receiving this because you follow the story " + followed + " on " + publication.name() + ".";
		return new Footer(reason, followed == null ? "Unsubscribe" : "Unfollow this story", publication.name(),
				publication.sellerName(), postal, Personalization.UNSUBSCRIBE_URL, Personalization.PREFERENCES_URL,
				Personalization.ADDRESS);
	}

}

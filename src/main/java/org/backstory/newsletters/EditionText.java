package org.backstory.newsletters;

import java.util.ArrayList;
import java.util.List;

import org.backstory.newsletters.edition.EmailView;
import org.backstory.newsletters.edition.EmailView.Box;
import org.backstory.newsletters.edition.EmailView.Footer;
import org.backstory.newsletters.edition.EmailView.Link;
import org.backstory.newsletters.edition.EmailView.Story;

/**
 * The plain-text part of an edition: what the HTML part says, in the same order, with
 * every URL spelled out.
 */
final class EditionText {

	private EditionText() {
	}

	/**
	 * @param view the edition as the HTML part shows it
	 * @param bodyText the body already as plain text, made percent-safe
	 */
	static String of(EmailView view, String bodyText) {
		List<String> blocks = new ArrayList<>();
		blocks.add(safe(masthead(view)));
		blocks.add(safe(titleBlock(view.story())));
		blocks.add(bodyText);
		if (view.paywall() != null) {
			blocks.add(safe(box(view.paywall())));
		}
		blocks.add(footer(view.footer()));
		return String.join("\n\n", blocks.stream().filter(block -> !block.isBlank()).toList()) + "\n";
	}

	private static String masthead(EmailView view) {
		String url = view.story().url();
		return view.header().publicationName() + (url == null ? "" : "\nView it online: " + url);
	}

	private static String titleBlock(Story story) {
		List<String> lines = new ArrayList<>();
		if (story.kicker() != null) {
			lines.add(story.kicker().label() + " (" + story.kicker().url() + ")\n");
		}
		String title = PlainText.wrap(story.title());
		lines.add(title + "\n" + "=".repeat(Math.min(story.title().length(), PlainText.WIDTH)) + "\n");
		if (!story.dek().isEmpty()) {
			lines.add(PlainText.wrap(story.dek()) + "\n");
		}
		lines.add(story.byline().isEmpty() ? story.date() : story.byline() + " · " + story.date());
		return String.join("\n", lines);
	}

	private static String box(Box box) {
		String rule = "-".repeat(PlainText.WIDTH);
		StringBuilder text = new StringBuilder(rule).append("\n\n")
			.append(PlainText.wrap(box.heading()))
			.append("\n\n")
			.append(PlainText.wrap(box.message()))
			.append("\n\n")
			.append(link(box.primary()));
		if (box.secondary() != null) {
			text.append('\n').append(link(box.secondary()));
		}
		if (box.footnote() != null) {
			text.append("\n\n").append(PlainText.wrap(box.footnote()));
		}
		return text.append("\n\n").append(rule).toString();
	}

	/** "Label: url", or the URL on a line of its own when both don't fit on one. */
	private static String link(Link link) {
		String line = link.label() + ": " + link.url();
		return line.length() <= PlainText.WIDTH ? line : link.label() + ":\n" + link.url();
	}

	/**
	 * The placeholders go in as they are; everything around them is made percent-safe.
	 */
	private static String footer(Footer footer) {
		StringBuilder text = new StringBuilder("-- \n").append(safe(PlainText.wrap(footer.reason())))
			.append('\n')
			.append(safe(footer.unsubscribeLabel()))
			.append(": ")
			.append(footer.unsubscribeUrl())
			.append("\nManage preferences: ")
			.append(footer.preferencesUrl())
			.append("\nSent to ")
			.append(footer.recipientAddress())
			.append("\n\n")
			.append(safe(footer.sellerName()));
		footer.postalLines().forEach(line -> text.append('\n').append(safe(line)));
		return text.toString();
	}

	private static String safe(String text) {
		return LiteralPercents.inText(text);
	}

}

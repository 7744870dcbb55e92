package org.backstory.newsletters.edition;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One edition of an emailed article as the email template shows it. Every URL is
 * absolute; the footer's links and address are placeholders that each message fills in
 * for its recipient.
 *
 * @param header the publication's masthead
 * @param story the article's title block
 * @param bodyHtml the article body (or its preview), styled inline and safe to write
 * unescaped
 * @param paywall the box after a preview, or null when the edition is the whole article
 * @param footer why the recipient gets this and how to stop it
 */
public record EmailView(Header header, Story story, String bodyHtml, @Nullable Box paywall, Footer footer) {

	/**
	 * @param publicationName the publication's name
	 * @param logoUrl its logo, or null
	 * @param homeUrl its home page
	 * @param accentColor a {@code #rrggbb} colour for the rule, links and buttons
	 * @param preheader the line inbox lists show after the subject (the dek)
	 */
	public record Header(String publicationName, @Nullable String logoUrl, String homeUrl, String accentColor,
			String preheader) {
	}

	/**
	 * @param kicker "Part 2 of ..." and the storyline's page, or null
	 * @param title the headline
	 * @param url the article's page, or null for an article sent by email only
	 * @param dek the summary under the headline; may be empty
	 * @param byline "By ..." or empty
	 * @param date the publication date in words
	 * @param coverImageUrl the cover image, or null
	 */
	public record Story(@Nullable Link kicker, String title, @Nullable String url, String dek, String byline,
			String date, @Nullable String coverImageUrl) {
	}

	/**
	 * @param label the link text
	 * @param url where it goes
	 */
	public record Link(String label, String url) {
	}

	/**
	 * @param heading the box's title
	 * @param message what the reader can do
	 * @param primary the button
	 * @param secondary the link under it, e.g. "Already a subscriber? Log in"
	 * @param footnote small print, or null
	 */
	public record Box(String heading, String message, Link primary, @Nullable Link secondary,
			@Nullable String footnote) {
	}

	/**
	 * @param reason why the recipient gets this: the newsletter they subscribed to, or
	 * the story they follow
	 * @param unsubscribeLabel the unsubscribe link's words ("Unsubscribe", or "Unfollow
	 * this story")
	 * @param publicationName the publication's name
	 * @param sellerName who publishes it in law
	 * @param postalLines the publisher's postal address, one line each; empty when not
	 * set
	 * @param unsubscribeUrl the recipient's one-click unsubscribe link (a placeholder)
	 * @param preferencesUrl the recipient's preferences link (a placeholder)
	 * @param recipientAddress the recipient's address (a placeholder)
	 */
	public record Footer(String reason, String unsubscribeLabel, String publicationName, String sellerName,
			List<String> postalLines, String unsubscribeUrl, String preferencesUrl, String recipientAddress) {

		public Footer {
			postalLines = List.copyOf(postalLines);
		}

	}

}

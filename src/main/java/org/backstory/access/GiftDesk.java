package org.backstory.access;

import org.jspecify.annotations.Nullable;

/**
 * What the article page offers a reader who may gift it: the link they made for it this
 * month, if any, and how many gifts they have left.
 *
 * @param token the token of their link for this article this month, or null
 * @param unlimited whether they are staff, who make as many links as they like
 * @param allowance how many articles their plan lets them gift a calendar month
 * @param left how many of those are left this month
 * @param days how long a link opens the article
 * @param browsers on how many browsers a link opens it
 */
public record GiftDesk(@Nullable String token, boolean unlimited, int allowance, int left, int days, int browsers) {

	/** The counter under the button, e.g. "3 of 5 gifts left this month". */
	public String counter() {
		if (unlimited) {
			return "As staff, you can gift as many articles as you like.";
		}
		return left + " of " + allowance + (allowance == 1 ? " gift" : " gifts") + " left this month";
	}

	/** Whether the button can make a link: one exists already, or gifts are left. */
	public boolean canGift() {
		return token != null || unlimited || left > 0;
	}

	/**
	 * The link to copy for the article at {@code articleUrl}, or null before one is made.
	 */
	public @Nullable String link(String articleUrl) {
		return token == null ? null : GiftLinks.link(articleUrl, token);
	}

}

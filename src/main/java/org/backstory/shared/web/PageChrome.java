package org.backstory.shared.web;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What the frame around every page needs: the publication's identity and who is signed
 * in. Every controller's model carries one under the name {@code chrome}.
 *
 * @param publicationName shown at the top left
 * @param tagline the publication's one-line description
 * @param accentColor a CSS colour such as {@code #b4233c}
 * @param logoUrl optional logo image
 * @param memberName the signed-in member's name, or null for an anonymous reader
 * @param staff whether the signed-in member is staff (owner, editor or author)
 * @param csrf the token for the sign-out form; present only when someone is signed in, so
 * anonymous pages stay cacheable and never touch a session
 * @param graceEndsOn for a signed-in member whose renewal failed and who still reads in
 * the grace period, the day (as readers read dates) the payment must be settled by; else
 * null
 * @param graceSettledBy who settles it, so the banner says what to do: {@code card} (the
 * member updates their card), {@code invoice} (the member's group licence invoice is
 * paid) or {@code seat} (the manager of the member's group settles it); null without a
 * warning
 */
public record PageChrome(String publicationName, String tagline, String accentColor, @Nullable String logoUrl,
		@Nullable String memberName, boolean staff, @Nullable CsrfField csrf, @Nullable String graceEndsOn,
		@Nullable String graceSettledBy) {

	/** The chrome of a page without a payment warning. */
	public PageChrome(String publicationName, String tagline, String accentColor, @Nullable String logoUrl,
			@Nullable String memberName, boolean staff, @Nullable CsrfField csrf) {
		this(publicationName, tagline, accentColor, logoUrl, memberName, staff, csrf, null, null);
	}

	public boolean signedIn() {
		return memberName != null;
	}

	/**
	 * The stylesheet that sets {@code --accent} (served by the site module): the colour
	 * is in the address, so pages need no inline style and each colour's sheet may be
	 * cached for good.
	 */
	public String accentStylesheet() {
		return "/assets/accent-" + accentColor.substring(1).toLowerCase(Locale.ROOT) + ".css";
	}

}

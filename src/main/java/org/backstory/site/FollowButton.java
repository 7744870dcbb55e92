package org.backstory.site;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.backstory.members.SignedInMember;
import org.backstory.newsletters.StorylineFollows;
import org.backstory.publishing.Storyline;
import org.jspecify.annotations.Nullable;

/**
 * The "Follow this story" button of a storyline, on its page and on its articles' pages.
 * A signed-in reader gets a form that follows or unfollows and comes back to
 * {@code back}; anyone else a link to sign in (or sign up, from the sign-in page) that
 * comes back to the same page, where the button is then a form: a state change is never a
 * GET, and the anonymous page stays the same for everyone, so it may still be cached.
 *
 * @param slug the storyline's slug
 * @param title its title
 * @param signedIn whether the reader is signed in
 * @param following whether the signed-in reader follows it
 * @param back the page the button is on, where the form comes back to
 */
public record FollowButton(String slug, String title, boolean signedIn, boolean following, String back) {

	static FollowButton of(Storyline storyline, @Nullable SignedInMember member, StorylineFollows follows,
			String back) {
		return new FollowButton(storyline.slug(), storyline.title(), member != null,
				member != null && follows.follows(member.id(), storyline.id()), back);
	}

	/** Where the form posts: follow, or unfollow when already following. */
	public String action() {
		return "/account/following/" + slug + (following ? "/unfollow" : "");
	}

	/** The sign-in page, coming back to this page. */
	public String signInHref() {
		return "/login?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
	}

}

package org.backstory.newsletters.web;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.newsletters.LinkTarget;
import org.springframework.ui.Model;

/**
 * The shape a signed link in an email shares with the others of its kind (unsubscribe,
 * unfollow): opening it (GET) shows a confirmation whose button posts back to the same
 * address, and the post does it. Mail providers post to it directly
 * ({@code List-Unsubscribe=One-Click}, RFC 8058) with no cookies, so the post needs
 * neither login nor CSRF token: the signed token is the authority. Both answers are
 * signed-link pages (never stored, no referrer); a token that is not valid or whose
 * member or subject is gone gets the refusal page, and a link whose change is already
 * made says so, so posting again changes nothing.
 *
 * @param <T> the target a valid token of this kind resolves to
 */
final class SignedLinkFlow<T extends LinkTarget> {

	/** A page answering for a target. */
	@FunctionalInterface
	interface Page<X> {

		String show(X target, Model model, HttpServletResponse response);

	}

	private final Class<T> type;

	private final Predicate<T> pending;

	private final Page<T> alreadyDone;

	private final Page<LinkTarget> refused;

	/**
	 * @param type the target of a valid token
	 * @param pending whether the link's change is still to be made
	 * @param alreadyDone the page when it is made already
	 * @param refused the page for an invalid token or a gone target
	 */
	SignedLinkFlow(Class<T> type, Predicate<T> pending, Page<T> alreadyDone, Page<LinkTarget> refused) {
		this.type = type;
		this.pending = pending;
		this.alreadyDone = alreadyDone;
		this.refused = refused;
	}

	/**
	 * Answers a GET or a POST of the link.
	 * @param resolve reads the token, and for a POST also makes the change
	 * @param page the confirmation (GET) or the done page (POST) for a pending change
	 */
	String answer(Supplier<LinkTarget> resolve, Model model, HttpServletResponse response, Function<T, String> page) {
		Pages.signedLinkPage(response);
		LinkTarget target = resolve.get();
		if (!type.isInstance(target)) {
			return refused.show(target, model, response);
		}
		T valid = type.cast(target);
		return pending.test(valid) ? page.apply(valid) : alreadyDone.show(valid, model, response);
	}

}

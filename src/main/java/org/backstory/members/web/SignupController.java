package org.backstory.members.web;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backstory.members.KnownArticles;
import org.backstory.members.SignupOptIn;
import org.backstory.members.SignupOptIns;
import org.backstory.members.account.EmailAddresses;
import org.backstory.members.account.MailRequestLimit;
import org.backstory.members.account.MemberNames;
import org.backstory.members.account.Registration;
import org.backstory.shared.web.CsrfField;
import org.backstory.shared.web.SafeRedirect;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Sign-up: email, name and the opt-ins other modules offer (newsletters), no password.
 * Nobody is signed in here: the answer is always "check your inbox", whether the address
 * is new (it gets a link that confirms it and signs in, see
 * {@link VerificationController}) or has an account (it gets a sign-in link), so the page
 * reveals nobody's account and nobody can sign up with another person's address and keep
 * a way in. The form says it offered opt-ins with a hidden field, since unticked boxes
 * are not sent at all: with it, exactly the ticked keys are opted into, even none.
 */
@Controller
class SignupController {

	static final String CHECK_INBOX = "We've emailed you a link. Open it to finish signing up: it confirms your "
			+ "address and signs you in. If nothing arrives within a few minutes, check your spam folder.";

	private final Registration registration;

	private final MailRequestLimit limit;

	private final ObjectProvider<SignupOptIns> optIns;

	private final ObjectProvider<KnownArticles> articles;

	SignupController(Registration registration, MailRequestLimit limit, ObjectProvider<SignupOptIns> optIns,
			ObjectProvider<KnownArticles> articles) {
		this.registration = registration;
		this.limit = limit;
		this.optIns = optIns;
		this.articles = articles;
	}

	@GetMapping("/signup")
	String form(@RequestParam(required = false) @Nullable String next,
			@RequestParam(required = false) @Nullable String article, CsrfToken csrfToken, Model model) {
		model.addAttribute("article", articleId(article));
		return page(model, csrfToken, next, "", "", offered(null), null);
	}

	@PostMapping("/signup")
	ModelAndView signUp(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String name,
			@RequestParam(required = false) @Nullable String next,
			@RequestParam(defaultValue = "false") boolean optInsOffered,
			@RequestParam(name = "optIn", required = false) @Nullable List<String> optIn,
			@RequestParam(required = false) @Nullable String article, CsrfToken csrfToken, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		@Nullable Long articleId = articleId(article);
		model.addAttribute("article", articleId);
		@Nullable Set<String> chosen = optInsOffered ? (optIn == null ? Set.of() : Set.copyOf(optIn)) : null;
		String address = EmailAddresses.normalize(email);
		String displayName = MemberNames.normalize(name);
		Optional<String> problem = EmailAddresses.problem(address).or(() -> MemberNames.problem(displayName));
		// Counted per address too, whether or not it has an account: every sign-up mails
		// it.
		if (problem.isEmpty() && !limit.allow(address, request.getRemoteAddr())) {
			problem = Optional
				.of("Too many sign-ups for this address or from your network. Try again in a few minutes.");
		}
		if (problem.isPresent()) {
			return rejected(model, csrfToken, next, address, displayName, offered(chosen), problem.get(), response);
		}
		registration.signUp(address, displayName, chosen, articleId, SafeRedirect.localPathOr(next, ""));
		return Pages.message(model, "Check your inbox", CHECK_INBOX, null, null);
	}

	/**
	 * The article a sign-up link carried, if it names a real article: anything else (a
	 * malformed value, an unknown id) is ignored rather than refused, as the reader has
	 * nothing to correct.
	 */
	private @Nullable Long articleId(@Nullable String article) {
		if (article == null || !article.matches("[1-9][0-9]{0,17}")) {
			return null;
		}
		long id = Long.parseLong(article);
		KnownArticles known = articles.getIfAvailable();
		return known != null && known.exists(id) ? id : null;
	}

	/**
	 * The offered opt-ins, ticked as the reader left them when the form comes back, else
	 * as offered.
	 */
	private List<SignupOptIn> offered(@Nullable Set<String> chosen) {
		return optIns.orderedStream()
			.flatMap(source -> source.offered().stream())
			.map(offer -> chosen == null ? offer
					: new SignupOptIn(offer.key(), offer.label(), offer.description(), chosen.contains(offer.key())))
			.toList();
	}

	private static ModelAndView rejected(Model model, CsrfToken csrfToken, @Nullable String next, String email,
			String name, List<SignupOptIn> offered, String error, HttpServletResponse response) {
		response.setStatus(Pages.UNPROCESSABLE);
		return new ModelAndView(page(model, csrfToken, next, email, name, offered, error));
	}

	private static String page(Model model, CsrfToken csrfToken, @Nullable String next, String email, String name,
			List<SignupOptIn> offered, @Nullable String error) {
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		model.addAttribute("next", SafeRedirect.localPathOr(next, ""));
		model.addAttribute("email", email.length() > EmailAddresses.MAX_LENGTH ? "" : email);
		model.addAttribute("name", name.length() > MemberNames.MAX_LENGTH ? "" : name);
		model.addAttribute("optIns", offered);
		model.addAttribute("error", error);
		return "members/signup";
	}

}

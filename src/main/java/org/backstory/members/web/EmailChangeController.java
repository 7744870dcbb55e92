package org.backstory.members.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.backstory.members.SignedInMember;
import org.backstory.members.account.AccountSettings;
import org.backstory.members.account.EmailAddresses;
import org.backstory.members.account.EmailChange;
import org.backstory.members.account.EmailChanges;
import org.backstory.members.account.EmailTakenException;
import org.backstory.members.account.MailRequestLimit;
import org.backstory.members.account.Member;
import org.backstory.members.account.MemberRepository;
import org.backstory.members.account.TokenCheck.State;
import org.backstory.shared.web.CsrfField;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Changing the address: a signed-in member asks (with their password) and gets a link at
 * the new address; opening it shows a button (mail scanners only open links), and
 * pressing it applies the change and signs out every other session of the member. The
 * link works without being signed in: it proves the new address.
 */
@Controller
class EmailChangeController {

	static final String FORM = "/account/email";

	static final String LINK = "/email/change";

	private final EmailChanges changes;

	private final MemberRepository members;

	private final MailRequestLimit limit;

	private final MemberSessions sessions;

	private final SignIn signIn;

	EmailChangeController(EmailChanges changes, MemberRepository members, MailRequestLimit limit,
			MemberSessions sessions, SignIn signIn) {
		this.changes = changes;
		this.members = members;
		this.limit = limit;
		this.sessions = sessions;
		this.signIn = signIn;
	}

	@GetMapping(FORM)
	String form(@AuthenticationPrincipal SignedInMember member, CsrfToken csrfToken, HttpServletRequest request,
			Model model) {
		String notice = request.getParameter("sent") != null
				? "Check the new address's inbox: the change applies when you open the link we sent there." : null;
		return page(model, csrfToken, current(member), "", notice, null);
	}

	@PostMapping(FORM)
	ModelAndView request(@AuthenticationPrincipal SignedInMember member, @RequestParam(defaultValue = "") String email,
			@RequestParam(required = false) @Nullable String confirmation, CsrfToken csrfToken,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		String address = EmailAddresses.normalize(email);
		Member me = current(member);
		Optional<String> problem = EmailAddresses.problem(address);
		if (problem.isEmpty() && address.equalsIgnoreCase(me.email())) {
			problem = Optional.of("That is your address already.");
		}
		if (problem.isEmpty() && !limit.allow(address, request.getRemoteAddr())) {
			problem = Optional.of(Pages.THROTTLED);
		}
		if (problem.isEmpty()) {
			AccountSettings.Outcome outcome = changes.request(member.id(), address, confirmation);
			problem = switch (outcome) {
				case DONE -> Optional.empty();
				case WRONG_CONFIRMATION -> Optional.of(Pages.wrongConfirmation(me.hasPassword()));
				case THROTTLED -> Optional.of(Pages.THROTTLED);
			};
		}
		if (problem.isEmpty()) {
			return Pages.redirect(FORM + "?sent");
		}
		response.setStatus(Pages.UNPROCESSABLE);
		return new ModelAndView(page(model, csrfToken, me, address, null, problem.get()));
	}

	@GetMapping(LINK)
	ModelAndView open(@RequestParam(required = false) @Nullable String token, CsrfToken csrfToken,
			HttpServletResponse response, Model model) {
		Optional<EmailChange> change = changes.check(token).filter(found -> found.state() == State.VALID);
		if (change.isEmpty()) {
			return dead(model, response, token);
		}
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		model.addAttribute("token", token);
		model.addAttribute("newEmail", change.get().newEmail());
		return new ModelAndView("members/email-change");
	}

	@PostMapping(LINK)
	ModelAndView apply(@RequestParam(required = false) @Nullable String token,
			@AuthenticationPrincipal @Nullable SignedInMember signedIn, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<Member> changed;
		try {
			changed = changes.apply(token);
		}
		catch (EmailTakenException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return Pages.message(model, "Address not changed",
					"That address has an account of its own by now, so yours stays as it was.", "/account/profile",
					"Your profile");
		}
		if (changed.isEmpty()) {
			return dead(model, response, token);
		}
		Member member = changed.get();
		HttpSession session = request.getSession(false);
		boolean here = signedIn != null && signedIn.id() == member.id() && session != null;
		sessions.endAll(member.id(), here ? session.getId() : null);
		if (here) {
			signIn.refresh(member, request, response);
		}
		return Pages.message(model, "Email address changed",
				"Your account's address is now " + member.email() + ". Every other session was signed out"
						+ (here ? "." : ": sign in with the new address."),
				here ? "/account/profile" : "/login", here ? "Your profile" : "Sign in");
	}

	private Member current(SignedInMember member) {
		return members.findById(member.id()).orElseThrow();
	}

	private static String page(Model model, CsrfToken csrfToken, Member member, String newEmail,
			@Nullable String notice, @Nullable String error) {
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		model.addAttribute("currentEmail", member.email());
		model.addAttribute("newEmail", newEmail.length() > EmailAddresses.MAX_LENGTH ? "" : newEmail);
		model.addAttribute("hasPassword", member.hasPassword());
		model.addAttribute("notice", notice);
		model.addAttribute("error", error);
		return "members/email";
	}

	private ModelAndView dead(Model model, HttpServletResponse response, @Nullable String token) {
		State state = changes.check(token).map(EmailChange::state).orElse(State.UNKNOWN);
		String why = switch (state) {
			case EXPIRED -> "This link has expired: links to confirm a new address work for 24 hours.";
			case USED -> "This link has already been used: each link works once.";
			default -> "This link is not valid. It may have been replaced by a newer request.";
		};
		return Pages.deadLink(model, response, "Email change link no longer works",
				why + " Your address changes only through a link that works.", "/account/email",
				"Change your email address");
	}

}

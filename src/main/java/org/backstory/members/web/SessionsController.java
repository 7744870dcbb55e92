package org.backstory.members.web;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backstory.members.SignedInMember;
import org.backstory.shared.Dates;
import org.backstory.shared.web.CsrfField;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Where the member is signed in: their live sessions (signed in when, last used when,
 * browser and network), this browser's marked, with "sign out everywhere else" and a
 * button per session. Only the member's own sessions are ever found, so a session named
 * by another member's reference is simply not there.
 */
@Controller
class SessionsController {

	static final String PATH = "/account/sessions";

	private final MemberSessions sessions;

	private final SignIn signIn;

	SessionsController(MemberSessions sessions, SignIn signIn) {
		this.sessions = sessions;
		this.signIn = signIn;
	}

	@GetMapping(PATH)
	String list(@AuthenticationPrincipal SignedInMember member, CsrfToken csrfToken, HttpServletRequest request,
			Model model) {
		String notice = null;
		if (request.getParameter("ended") != null) {
			notice = "That session is signed out.";
		}
		else if (request.getParameter("endedOthers") != null) {
			notice = "You are signed out everywhere else.";
		}
		return page(model, csrfToken, member, request, notice, null);
	}

	@PostMapping(PATH + "/others/end")
	ModelAndView endOthers(@AuthenticationPrincipal SignedInMember member, HttpServletRequest request) {
		sessions.endAll(member.id(), request.getSession().getId());
		return Pages.redirect(PATH + "?endedOthers");
	}

	@PostMapping(PATH + "/{ref}/end")
	ModelAndView end(@AuthenticationPrincipal SignedInMember member, @PathVariable String ref, CsrfToken csrfToken,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		if (ref.equals(MemberSessions.ref(request.getSession().getId()))) {
			signIn.signOut(request, response);
			return Pages.redirect("/");
		}
		if (!sessions.end(member.id(), ref)) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return new ModelAndView(page(model, csrfToken, member, request, null,
					"That session has already ended, or is not one of yours."));
		}
		return Pages.redirect(PATH + "?ended");
	}

	private String page(Model model, CsrfToken csrfToken, SignedInMember member, HttpServletRequest request,
			@Nullable String notice, @Nullable String error) {
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		model.addAttribute("sessions",
				sessions.list(member.id(), request.getSession().getId())
					.stream()
					.map(active -> new SessionRow(active.ref(), active.device(), active.network(),
							when(active.signedInAt()), when(active.lastActive()), active.current()))
					.toList());
		model.addAttribute("notice", notice);
		model.addAttribute("error", error);
		return "members/sessions";
	}

	private static String when(Instant instant) {
		return Dates.readerMinute(instant);
	}

}

package org.backstory.members.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.email.Mail;
import org.backstory.members.SignedInMember;
import org.backstory.members.welcome.WelcomeKind;
import org.backstory.members.welcome.WelcomeText;
import org.backstory.members.welcome.WelcomeTexts;
import org.backstory.shared.web.CsrfField;
import org.backstory.shared.web.Responses;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The welcome mails' words ({@code /admin/settings/welcome}, administrators and the
 * owner): a subject and plain paragraphs for each, saved for the next welcomes, or
 * previewed first as the member will see the mail.
 */
@Controller
class WelcomeSettingsController {

	static final String PATH = "/admin/settings/welcome";

	private final WelcomeTexts texts;

	WelcomeSettingsController(WelcomeTexts texts) {
		this.texts = texts;
	}

	@GetMapping(PATH)
	String show(CsrfToken csrfToken, Model model, HttpServletResponse response) {
		return render(model, csrfToken, null, null, Map.of(), response);
	}

	@PostMapping(PATH + "/{code}")
	Object save(@PathVariable String code, @RequestParam(defaultValue = "") String subject,
			@RequestParam(defaultValue = "") String body, @AuthenticationPrincipal SignedInMember staff,
			CsrfToken csrfToken, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		WelcomeKind kind = kind(code);
		WelcomeText text = new WelcomeText(subject, body);
		Map<String, String> problems = text.problems();
		if (!problems.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(model, csrfToken, kind, text, problems, response);
		}
		boolean saved = texts.change(kind, text, staff.id());
		redirect.addFlashAttribute("notice",
				saved ? title(kind) + ": saved. The next welcome mail uses it." : title(kind) + ": nothing to change.");
		return Responses.seeOther(PATH);
	}

	/**
	 * The mail the text makes, as its HTML part, for a member called by the signed-in
	 * staff member's name; served with the policy of mail views (inline style, no
	 * script).
	 */
	@PostMapping(PATH + "/{code}/preview")
	Object preview(@PathVariable String code, @RequestParam(defaultValue = "") String subject,
			@RequestParam(defaultValue = "") String body, @AuthenticationPrincipal SignedInMember staff,
			CsrfToken csrfToken, Model model, HttpServletResponse response) {
		WelcomeKind kind = kind(code);
		WelcomeText text = new WelcomeText(subject, body);
		Map<String, String> problems = text.problems();
		if (!problems.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(model, csrfToken, kind, text, problems, response);
		}
		Mail mail = texts.preview(kind, text, staff.email(), staff.name());
		Responses.personal(response);
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.body(Objects.requireNonNull(mail.html()));
	}

	private String render(Model model, CsrfToken csrfToken, @Nullable WelcomeKind edited, @Nullable WelcomeText text,
			Map<String, String> errors, HttpServletResponse response) {
		Responses.personal(response);
		List<WelcomeSection> sections = new ArrayList<>();
		for (WelcomeKind kind : WelcomeKind.values()) {
			boolean isEdited = kind == edited && text != null;
			WelcomeText shown = isEdited ? text : texts.current(kind);
			sections.add(new WelcomeSection(kind.code(), title(kind), when(kind), shown.subject(), shown.body(),
					isEdited ? errors : Map.of()));
		}
		model.addAttribute("sections", sections);
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		return "members/welcome-settings";
	}

	private static WelcomeKind kind(String code) {
		for (WelcomeKind kind : WelcomeKind.values()) {
			if (kind.code().equals(code)) {
				return kind;
			}
		}
		throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such welcome mail");
	}

	private static String title(WelcomeKind kind) {
		return switch (kind) {
			case SIGNUP -> "After sign-up";
			case SUBSCRIBER -> "After subscribing";
		};
	}

	private static String when(WelcomeKind kind) {
		return switch (kind) {
			case SIGNUP -> "Sent once to each new reader, when they confirm their address.";
			case SUBSCRIBER -> "Sent once to each member, when their first subscription starts (a first payment, "
					+ "a trial or a gift; not a renewal, a plan change or a comp).";
		};
	}

}

package org.backstory.newsletters.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.newsletters.InvalidNewsletterException;
import org.backstory.newsletters.Newsletter;
import org.backstory.newsletters.NewsletterSettings;
import org.backstory.newsletters.Newsletters;
import org.backstory.newsletters.OptIns;
import org.backstory.shared.web.CsrfField;
import org.backstory.shared.web.Responses;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff list the newsletters with how many members get each, create them and change their
 * settings.
 */
@Controller
class NewsletterAdminController {

	static final String PATH = "/admin/newsletters";

	private final Newsletters newsletters;

	private final OptIns optIns;

	NewsletterAdminController(Newsletters newsletters, OptIns optIns) {
		this.newsletters = newsletters;
		this.optIns = optIns;
	}

	@GetMapping(PATH)
	String list(Model model, HttpServletResponse response) {
		Responses.personal(response);
		Map<Long, Long> counts = optIns.counts();
		model.addAttribute("rows", newsletters.all()
			.stream()
			.map(n -> new NewsletterRow(n.id(), n.name(), n.slug(), n.senderName() + " <" + n.senderAddress() + ">",
					n.defaultOn(), counts.getOrDefault(n.id(), 0L)))
			.toList());
		return "newsletters/admin-list";
	}

	@GetMapping(PATH + "/new")
	String newForm(CsrfToken csrfToken, Model model, HttpServletResponse response) {
		Responses.personal(response);
		return form(model, csrfToken, null, NewsletterForm.empty(), List.of());
	}

	@PostMapping(PATH)
	Object create(NewsletterForm form, CsrfToken csrfToken, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Responses.personal(response);
		NewsletterSettings settings = form.settings();
		if (newsletters.all().stream().anyMatch(n -> n.slug().equals(settings.slug()))) {
			return rejected(model, csrfToken, null, form,
					List.of("The slug '" + settings.slug() + "' is already used by another newsletter."), response);
		}
		try {
			Newsletter created = newsletters.create(settings);
			redirect.addFlashAttribute("notice", "Newsletter " + created.name() + " created.");
			return Responses.seeOther(PATH);
		}
		catch (InvalidNewsletterException ex) {
			return rejected(model, csrfToken, null, form, ex.problems(), response);
		}
	}

	@GetMapping(PATH + "/{id}")
	String editForm(@PathVariable long id, CsrfToken csrfToken, Model model, HttpServletResponse response) {
		Responses.personal(response);
		return form(model, csrfToken, id, NewsletterForm.of(existing(id)), List.of());
	}

	@PostMapping(PATH + "/{id}")
	Object update(@PathVariable long id, NewsletterForm form, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Responses.personal(response);
		existing(id);
		try {
			Newsletter changed = newsletters.update(id, form.settings());
			redirect.addFlashAttribute("notice", "Newsletter " + changed.name() + " saved.");
			return Responses.seeOther(PATH);
		}
		catch (InvalidNewsletterException ex) {
			return rejected(model, csrfToken, id, form, ex.problems(), response);
		}
	}

	private Newsletter existing(long id) {
		return newsletters.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such newsletter"));
	}

	private static String rejected(Model model, CsrfToken csrfToken, @Nullable Long id, NewsletterForm form,
			List<String> problems, HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return form(model, csrfToken, id, form, problems);
	}

	private static String form(Model model, CsrfToken csrfToken, @Nullable Long id, NewsletterForm form,
			List<String> problems) {
		model.addAttribute("id", id);
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		return "newsletters/admin-edit";
	}

}

package org.backstory.api.web;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.api.Integration;
import org.backstory.api.Integrations;
import org.backstory.api.IssuedIntegration;
import org.backstory.members.MemberRole;
import org.backstory.members.SignedInMember;
import org.backstory.shared.Dates;
import org.backstory.shared.web.CsrfField;
import org.backstory.shared.web.Responses;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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
 * The integrations page: every integration, a form for a new one, renaming, new keys and
 * revoking. Only the owner may open it: a key reads the publication and, through the
 * Admin API, may write it. A new key is shown in the answer to the post that made it,
 * never through the session (a flash attribute would store it there).
 */
@Controller
@PreAuthorize("hasRole('OWNER')")
class IntegrationAdminController {

	private static final String PATH = "/admin/integrations";

	private final Integrations integrations;

	IntegrationAdminController(Integrations integrations) {
		this.integrations = integrations;
	}

	@GetMapping(PATH)
	String list(CsrfToken csrfToken, Model model, HttpServletResponse response) {
		return render(model, csrfToken, response, List.of(), null);
	}

	@PostMapping(PATH)
	String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String role,
			@AuthenticationPrincipal SignedInMember owner, CsrfToken csrfToken, Model model,
			HttpServletResponse response) {
		Optional<MemberRole> chosen = Integration.ROLES.stream()
			.filter(r -> r.name().equalsIgnoreCase(role))
			.findFirst();
		if (chosen.isEmpty()) {
			return refuse(model, csrfToken, response,
					"Choose what the integration may do: contributor, author, editor " + "or administrator.");
		}
		try {
			IssuedIntegration issued = integrations.create(owner.id(), name, chosen.get());
			String integration = issued.integration().name();
			return render(model, csrfToken, response,
					List.of(new IssuedKey(integration, "Content API key", issued.contentKey()),
							new IssuedKey(integration, "Admin API key", issued.adminKey())),
					null);
		}
		catch (IllegalArgumentException ex) {
			return refuse(model, csrfToken, response, ex.getMessage());
		}
	}

	@PostMapping(PATH + "/{id}/name")
	Object rename(@PathVariable long id, @RequestParam(defaultValue = "") String name,
			@AuthenticationPrincipal SignedInMember owner, CsrfToken csrfToken, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			if (!integrations.rename(owner.id(), id, name)) {
				throw notFound();
			}
		}
		catch (IllegalArgumentException ex) {
			return refuse(model, csrfToken, response, ex.getMessage());
		}
		redirect.addFlashAttribute("notice", "Integration renamed.");
		return Responses.seeOther(PATH);
	}

	@PostMapping(PATH + "/{id}/content-key")
	String regenerateContentKey(@PathVariable long id, @AuthenticationPrincipal SignedInMember owner,
			CsrfToken csrfToken, Model model, HttpServletResponse response) {
		String key = integrations.regenerateContentKey(owner.id(), id)
			.orElseThrow(IntegrationAdminController::notFound);
		return render(model, csrfToken, response, List.of(new IssuedKey(name(id), "Content API key", key)), null);
	}

	@PostMapping(PATH + "/{id}/admin-key")
	String regenerateAdminKey(@PathVariable long id, @AuthenticationPrincipal SignedInMember owner, CsrfToken csrfToken,
			Model model, HttpServletResponse response) {
		String key = integrations.regenerateAdminKey(owner.id(), id).orElseThrow(IntegrationAdminController::notFound);
		return render(model, csrfToken, response, List.of(new IssuedKey(name(id), "Admin API key", key)), null);
	}

	@PostMapping(PATH + "/{id}/revoke")
	Object revoke(@PathVariable long id, @AuthenticationPrincipal SignedInMember owner, RedirectAttributes redirect) {
		if (!integrations.revoke(owner.id(), id)) {
			throw notFound();
		}
		redirect.addFlashAttribute("notice", "Integration revoked: its keys no longer work.");
		return Responses.seeOther(PATH);
	}

	private String name(long id) {
		return integrations.find(id).map(Integration::name).orElse("");
	}

	private String refuse(Model model, CsrfToken csrfToken, HttpServletResponse response, String error) {
		String page = render(model, csrfToken, response, List.of(), error);
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page;
	}

	private String render(Model model, CsrfToken csrfToken, HttpServletResponse response, List<IssuedKey> issued,
			@Nullable String error) {
		Responses.personal(response);
		model.addAttribute("integrations", integrations.list().stream().map(IntegrationAdminController::row).toList());
		model.addAttribute("roles", Integration.ROLES.stream().map(r -> r.name().toLowerCase()).toList());
		model.addAttribute("issued", issued);
		model.addAttribute("error", error);
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		return "api/integrations";
	}

	private static IntegrationRow row(Integration integration) {
		return new IntegrationRow(integration.id(), integration.name(), integration.role().name().toLowerCase(),
				integration.adminKeyId(), Dates.readerDate(integration.createdAt()),
				integration.revokedAt() == null ? null : Dates.readerDate(integration.revokedAt()));
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "no such integration");
	}

}

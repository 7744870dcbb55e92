package org.backstory.imports.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.imports.ArchiveImport;
import org.backstory.imports.ArchivePlan;
import org.backstory.members.SignedInMember;
import org.backstory.shared.web.CsrfField;
import org.backstory.shared.web.Responses;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Importing a Ghost or Substack archive: upload, a dry run listing every post and every
 * problem, then a confirmation that imports all of it or nothing.
 */
@Controller
class ImportController {

	private static final String PAGE = "/admin/import";

	private final ArchiveImport imports;

	ImportController(ArchiveImport imports) {
		this.imports = imports;
	}

	@GetMapping(PAGE)
	String form(CsrfToken csrfToken, Model model, HttpServletResponse response) {
		Responses.personal(response);
		return page(model, csrfToken, null, null);
	}

	@PostMapping(PAGE)
	String upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@AuthenticationPrincipal SignedInMember staff, CsrfToken csrfToken, Model model,
			HttpServletResponse response) throws IOException {
		Responses.personal(response);
		if (file == null || file.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("error", "Choose a Ghost export (.json) or a Substack export (.zip) to upload.");
			return page(model, csrfToken, null, null);
		}
		String name = file.getOriginalFilename();
		ArchiveImport.DryRun dryRun = imports.check(staff.id(), name == null ? "" : name, file.getBytes());
		if (dryRun.id() == null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		return page(model, csrfToken, dryRun, dryRun.plan());
	}

	@PostMapping(PAGE + "/{id}/confirm")
	Object confirm(@PathVariable String id, @AuthenticationPrincipal SignedInMember staff, CsrfToken csrfToken,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Responses.personal(response);
		ArchiveImport.Outcome outcome = imports.confirm(staff, id);
		if (outcome instanceof ArchiveImport.Outcome.Imported done) {
			redirect.addFlashAttribute("notice",
					"Imported from " + done.source().label() + ": " + done.articles() + " articles ("
							+ done.skippedArticles() + " imported before, skipped), " + done.members() + " members ("
							+ done.comps() + " comped, " + done.existingMembers()
							+ " already members, left as they were), " + done.imagesCopied() + " images copied"
							+ (done.subscriptions() + done.payments() == 0 ? ""
									: ", " + done.subscriptions() + " subscriptions and " + done.payments()
											+ " payments restored (" + done.cardNeeded() + " need a card here)")
							+ (done.keptAsLinks().isEmpty() ? "."
									: "; kept as links because they could not be fetched: "
											+ String.join(", ", done.keptAsLinks()) + "."));
			return Responses.seeOther(PAGE);
		}
		response.setStatus(outcome instanceof ArchiveImport.Outcome.Unknown ? HttpStatus.GONE.value()
				: HttpStatus.UNPROCESSABLE_CONTENT.value());
		if (outcome instanceof ArchiveImport.Outcome.Refused refused) {
			model.addAttribute("error", "Nothing was imported: the archive no longer passes its checks.");
			return page(model, csrfToken, null, refused.plan());
		}
		model.addAttribute("error", outcome instanceof ArchiveImport.Outcome.Failed failed
				? "Nothing was imported: " + failed.reason() + " Upload the archive again."
				: "Nothing was imported: this import has expired or was already done. Upload the archive again.");
		return page(model, csrfToken, null, null);
	}

	private String page(Model model, CsrfToken csrfToken, ArchiveImport.@Nullable DryRun dryRun,
			@Nullable ArchivePlan plan) {
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		model.addAttribute("dryRun", dryRun);
		model.addAttribute("plan", plan);
		model.addAttribute("cardNeeded", imports.cardNeeded());
		return "admin/imports/import";
	}

}

package org.backstory.admin.members.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.admin.members.ImportCheck;
import org.backstory.admin.members.MemberImport;
import org.backstory.members.MemberRole;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Importing members from a CSV file: upload, a dry run listing every bad row by its line
 * (or what the import will do), then a confirmation that imports all of it or nothing.
 * Administrators only.
 */
@Controller
class MemberImportController {

	private final MemberImport imports;

	MemberImportController(MemberImport imports) {
		this.imports = imports;
	}

	@GetMapping("/admin/members/import")
	String form(@AuthenticationPrincipal SignedInMember staff, CsrfToken csrfToken, Model model,
			HttpServletResponse response) {
		requireAdministrator(staff);
		Responses.personal(response);
		return page(model, csrfToken, null, null);
	}

	@PostMapping("/admin/members/import")
	String upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@AuthenticationPrincipal SignedInMember staff, CsrfToken csrfToken, Model model,
			HttpServletResponse response) throws IOException {
		Responses.personal(response);
		if (file == null || file.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("error", "Choose a CSV file to upload.");
			return page(model, csrfToken, null, null);
		}
		MemberImport.DryRun dryRun = imports.check(staff.id(), file.getBytes());
		if (dryRun.id() == null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		return page(model, csrfToken, dryRun.check(), dryRun);
	}

	@PostMapping("/admin/members/import/{id}/confirm")
	Object confirm(@PathVariable String id, @AuthenticationPrincipal SignedInMember staff, CsrfToken csrfToken,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Responses.personal(response);
		MemberImport.Outcome outcome = imports.confirm(staff.id(), id);
		if (outcome instanceof MemberImport.Outcome.Imported imported) {
			redirect.addFlashAttribute("notice", "Imported " + imported.count() + " members (" + imported.optIns()
					+ " newsletter opt-ins, " + imported.comps() + " comps).");
			return Responses.seeOther("/admin/members");
		}
		if (outcome instanceof MemberImport.Outcome.Refused refused) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("error", "Nothing was imported: the file no longer passes its checks.");
			return page(model, csrfToken, refused.check(), null);
		}
		response.setStatus(HttpStatus.GONE.value());
		model.addAttribute("error",
				"Nothing was imported: this import has expired or was already done. Upload the file again.");
		return page(model, csrfToken, null, null);
	}

	private String page(Model model, CsrfToken csrfToken, @Nullable ImportCheck check,
			MemberImport.@Nullable DryRun dryRun) {
		model.addAttribute("csrf", CsrfField.of(csrfToken));
		model.addAttribute("check", check);
		model.addAttribute("dryRun", dryRun);
		return "admin/members/import";
	}

	private static void requireAdministrator(SignedInMember staff) {
		if (!staff.role().atLeast(MemberRole.ADMINISTRATOR)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only administrators import members");
		}
	}

}

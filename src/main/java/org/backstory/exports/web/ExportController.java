package org.backstory.exports.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.exports.ExportFile;
import org.backstory.exports.Exports;
import org.backstory.members.MemberRole;
import org.backstory.members.SignedInMember;
import org.backstory.shared.web.Responses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The owner's export page and its downloads: each file alone, or everything in one zip.
 * Owner only.
 */
@Controller
class ExportController {

	private final Exports exports;

	ExportController(Exports exports) {
		this.exports = exports;
	}

	@GetMapping("/admin/export")
	String page(@AuthenticationPrincipal SignedInMember owner, Model model) {
		requireOwner(owner);
		model.addAttribute("archiveName", exports.archiveName());
		model.addAttribute("files", List.of(ExportFile.values()));
		return "admin/exports/export";
	}

	@GetMapping("/admin/export/archive")
	void archive(@AuthenticationPrincipal SignedInMember owner, HttpServletResponse response) throws IOException {
		requireOwner(owner);
		OutputStream out = download(response, exports.archiveName(), "application/zip");
		exports.writeArchive(owner, out);
		out.flush();
	}

	@GetMapping("/admin/export/{file}")
	void file(@PathVariable String file, @AuthenticationPrincipal SignedInMember owner, HttpServletResponse response)
			throws IOException {
		requireOwner(owner);
		ExportFile chosen = byName(file).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
				"no such export file; there are posts.json, members.csv, subscriptions.csv, payments.csv, subscription_events.csv, images.zip"));
		OutputStream out = download(response, chosen.fileName(), chosen.contentType());
		exports.write(owner, chosen, out);
		out.flush();
	}

	private static Optional<ExportFile> byName(String name) {
		return Arrays.stream(ExportFile.values()).filter(file -> file.fileName().equals(name)).findFirst();
	}

	/** Personal data in bulk: never cached, always a download. */
	private static OutputStream download(HttpServletResponse response, String name, String contentType)
			throws IOException {
		Responses.personal(response);
		response.setContentType(contentType);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
		return response.getOutputStream();
	}

	/** The filter chain lets only the owner in; this says so again beside the handler. */
	private static void requireOwner(SignedInMember member) {
		if (member.role() != MemberRole.OWNER) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only the owner exports the publication");
		}
	}

}

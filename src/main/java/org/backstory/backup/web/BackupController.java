package org.backstory.backup.web;

import java.io.OutputStream;

import jakarta.servlet.http.HttpServletResponse;
import org.backstory.backup.Backups;
import org.backstory.members.MemberRole;
import org.backstory.members.SignedInMember;
import org.backstory.shared.web.Responses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/** The owner's backup download: the whole site in one zip, streamed as it is written. */
@Controller
class BackupController {

	private final Backups backups;

	BackupController(Backups backups) {
		this.backups = backups;
	}

	@GetMapping("/admin/backup")
	void download(@AuthenticationPrincipal SignedInMember owner, HttpServletResponse response) throws Exception {
		// The filter chain lets only the owner in; this says so again beside the
		// handler.
		if (owner.role() != MemberRole.OWNER) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only the owner downloads backups");
		}
		String name = backups.fileName();
		Responses.personal(response);
		response.setContentType("application/zip");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
		OutputStream out = response.getOutputStream();
		backups.download(owner, name, out);
		out.flush();
	}

}

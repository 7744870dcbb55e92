package org.backstory.admin;

import org.backstory.members.SignedInMember;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff landing page: links to what the signed-in role may use. */
@Controller
class AdminController {

	@GetMapping("/admin")
	String index(@AuthenticationPrincipal SignedInMember member, Model model) {
		model.addAttribute("role", member.role());
		return "admin/index";
	}

}

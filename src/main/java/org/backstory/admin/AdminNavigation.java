package org.backstory.admin;

import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;
import org.backstory.shared.web.AdminNav;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the side navigation into every controller's model for pages under {@code /admin}:
 * each {@link AdminArea} the signed-in staff member may open, as the security filter
 * chain's own rules decide ({@link WebInvocationPrivilegeEvaluator}), the area of the
 * page marked current. Reader pages get {@link AdminNav#NONE} without a look at the
 * rules.
 */
@ControllerAdvice
class AdminNavigation {

	private final WebInvocationPrivilegeEvaluator privileges;

	AdminNavigation(WebInvocationPrivilegeEvaluator privileges) {
		this.privileges = privileges;
	}

	@ModelAttribute("adminNav")
	AdminNav adminNav(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Authentication staff = SecurityContextHolder.getContext().getAuthentication();
		if (staff == null || !(path.equals("/admin") || path.startsWith("/admin/"))) {
			return AdminNav.NONE;
		}
		return new AdminNav(Arrays.stream(AdminArea.values())
			.filter(area -> privileges.isAllowed(request.getContextPath(), area.href(), "GET", staff))
			.map(area -> new AdminNav.Link(area.label(), area.href(), area.currentFor(path)))
			.toList());
	}

}

package org.backstory.members.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backstory.members.SignedInMember;
import org.backstory.members.account.TwoFactor;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * While the owner requires two-factor sign-in of staff, a staff member without it reaches
 * no admin page but the setup page: every other one sends them there. Runs after the
 * security rules, so only someone the rules let in is redirected, and it costs one query
 * per admin request only while the requirement is on.
 */
final class TwoFactorRequirement implements HandlerInterceptor {

	private final TwoFactor twoFactor;

	TwoFactorRequirement(TwoFactor twoFactor) {
		this.twoFactor = twoFactor;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInMember member
				&& twoFactor.mustSetUp(member)) {
			response.sendRedirect(request.getContextPath() + TwoFactorController.PATH);
			return false;
		}
		return true;
	}

	/** Puts the requirement in front of every admin page but the setup page itself. */
	@Configuration(proxyBeanMethods = false)
	static class Registration implements WebMvcConfigurer {

		private final TwoFactor twoFactor;

		Registration(TwoFactor twoFactor) {
			this.twoFactor = twoFactor;
		}

		@Override
		public void addInterceptors(InterceptorRegistry registry) {
			registry.addInterceptor(new TwoFactorRequirement(twoFactor))
				.addPathPatterns("/admin", "/admin/**")
				.excludePathPatterns(TwoFactorController.PATH, TwoFactorController.PATH + "/**");
		}

	}

}

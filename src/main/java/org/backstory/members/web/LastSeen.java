package org.backstory.members.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backstory.members.MemberActivity;
import org.backstory.members.SignedInMember;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Notes a signed-in member as seen on each page or form they reach (not on stylesheets
 * and scripts); {@link MemberActivity#seen} writes at most once a day per member.
 */
final class LastSeen implements HandlerInterceptor {

	private final MemberActivity activity;

	LastSeen(MemberActivity activity) {
		this.activity = activity;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInMember member) {
			activity.seen(member.id());
		}
		return true;
	}

	/**
	 * Puts the note in front of every request Spring MVC handles but the static assets.
	 */
	@Configuration(proxyBeanMethods = false)
	static class Registration implements WebMvcConfigurer {

		private final MemberActivity activity;

		Registration(MemberActivity activity) {
			this.activity = activity;
		}

		@Override
		public void addInterceptors(InterceptorRegistry registry) {
			registry.addInterceptor(new LastSeen(activity)).excludePathPatterns("/assets/**");
		}

	}

}

package org.backstory.members;

import org.backstory.members.web.MemberAuthenticationProvider;
import org.backstory.members.web.SignInRedirects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * The single table of who may reach which URL. Reading pages are open; the account,
 * checkout and admin areas are not. CSRF tokens live in the session once there is one and
 * in a cookie before ({@link SessionBoundCsrfTokenRepository}), and the request cache is
 * off, so an anonymous reader never causes a session row to be written. Sign-in changes
 * the session id (Spring Security's default session fixation protection, which works
 * through Spring Session's request wrapper). Every response carries the browser policies
 * of {@link SecurityHeaders}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/**
	 * No Micrometer observations of the filter chain, authentications or authorizations.
	 * With actuator on the classpath Spring Security would otherwise time every filter of
	 * every request and look up a meter per filter event: a fifth of the CPU of an
	 * anonymous page view. Requests are still timed as a whole
	 * ({@code http.server.requests}).
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * OWNER > ADMINISTRATOR > EDITOR > AUTHOR > CONTRIBUTOR > MEMBER, for URL rules and
	 * method security alike.
	 */
	@Bean
	static RoleHierarchy roleHierarchy() {
		RoleHierarchyImpl.Builder ladder = RoleHierarchyImpl.withDefaultRolePrefix();
		MemberRole[] roles = MemberRole.values();
		for (int i = roles.length - 1; i > 0; i--) {
			ladder.role(roles[i].name()).implies(roles[i - 1].name());
		}
		return ladder.build();
	}

	@Bean
	static RequestRejectedHandler requestRejectedHandler() {
		return SecurityHeaders.rejectedRequests();
	}

	@Bean
	CsrfTokenRepository csrfTokenRepository() {
		return new SessionBoundCsrfTokenRepository();
	}

	/**
	 * Tokens rendered into pages are masked afresh each time (BREACH), from a random
	 * source without a global lock.
	 */
	private static XorCsrfTokenRequestAttributeHandler maskedTokens() {
		XorCsrfTokenRequestAttributeHandler handler = new XorCsrfTokenRequestAttributeHandler();
		handler.setSecureRandom(new PerThreadSecureRandom());
		return handler;
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, CsrfTokenRepository csrfTokens,
			MemberAuthenticationProvider members, SignInRedirects redirects, MetricsProperties metrics)
			throws Exception {
		http.authorizeHttpRequests(requests -> requests
			// Each rule names the lowest role allowed; the role hierarchy lets every
			// higher role in too. Finer
			// rules (an author's own articles, the owner-only outbox message) are checked
			// by the handlers.
			.requestMatchers("/admin/staff/**", "/admin/audit/**", "/admin/settings/plans/**",
					"/admin/settings/mail/**", "/admin/export/**", "/admin/integrations/**", "/admin/backup")
			.hasRole("OWNER")
			.requestMatchers("/admin/settings/newsletter-analytics/**")
			.hasRole("OWNER")
			.requestMatchers("/admin/billing/**", "/admin/settings/**", "/admin/dashboard/**", "/admin/import/**",
					"/admin/webhooks/**")
			.hasRole("ADMINISTRATOR")
			// Editors may look at members; changing them is for administrators.
			.requestMatchers(HttpMethod.GET, "/admin/members/**")
			.hasRole("EDITOR")
			.requestMatchers("/admin/members/**")
			.hasRole("ADMINISTRATOR")
			.requestMatchers("/admin/tags/**", "/admin/entities/**", "/admin/storylines/**", "/admin/newsletters/**",
					"/admin/email/**")
			.hasRole("EDITOR")
			.requestMatchers("/admin/publish/**")
			.hasRole("AUTHOR")
			.requestMatchers("/admin/**")
			.hasRole("CONTRIBUTOR")
			.requestMatchers("/actuator/health/**")
			.permitAll()
			.requestMatchers("/actuator/prometheus")
			.access(new MetricsScrapeAccess(metrics.token()))
			.requestMatchers("/actuator/**")
			.hasRole("OWNER")
			.requestMatchers("/account/**", "/checkout/**", "/newsletters/confirm-address/**")
			.authenticated()
			.anyRequest()
			.permitAll())
			// The provider's own manager, with no parent, so a failed attempt is checked
			// (and counted) once.
			.authenticationManager(new ProviderManager(members))
			// Stripe signs its webhook deliveries (checked by billing), the mail provider
			// sends a bearer secret
			// (checked by newsletters); they carry no token or cookie. Unsubscribe links
			// are signed per member
			// and newsletter (unfollow links per member and storyline), and mail
			// providers post them (RFC 8058
			// one-click) without cookies.
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
				.csrfTokenRequestHandler(maskedTokens())
				.ignoringRequestMatchers("/webhooks/stripe", "/webhooks/email", "/unsubscribe/**", "/unfollow/**"))
			.requestCache(cache -> cache.requestCache(new NullRequestCache()))
			.headers(headers -> headers.cacheControl(cacheControl -> cacheControl.disable())
				.frameOptions(frameOptions -> frameOptions.disable())
				.addHeaderWriter(new SecurityHeaders()))
			.formLogin(form -> form.loginPage("/login")
				.usernameParameter("email")
				.passwordParameter("password")
				.successHandler(redirects)
				.failureHandler(redirects))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(redirects))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/"));
		return http.build();
	}

}

package org.backstory.api.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * Ghost's APIs are stateless: a call carries its key, never a cookie. So
 * {@code /ghost/api/**} has its own filter chain, ahead of the site's: no session is
 * created or read, no CSRF token (there is no cookie to ride on), no request cache, no
 * sign-in redirect. The Content API checks its key itself ({@link ContentApiController}).
 */
@Configuration(proxyBeanMethods = false)
class ContentApiSecurity {

	static final String API_PATHS = "/ghost/api/**";

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain ghostApiFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher(API_PATHS)
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.requestCache(new NullRequestCache()))
			.securityContext(context -> context.requireExplicitSave(true))
			.anonymous(anonymous -> anonymous.disable())
			.headers(headers -> headers.cacheControl(cacheControl -> cacheControl.disable()));
		return http.build();
	}

	/**
	 * Runs before Spring Security's chain, so a CORS pre-flight is answered before
	 * anything else looks at it.
	 */
	@Bean
	FilterRegistrationBean<ContentApiHeaders> contentApiHeaders() {
		FilterRegistrationBean<ContentApiHeaders> registration = new FilterRegistrationBean<>(new ContentApiHeaders());
		registration.addUrlPatterns("/ghost/api/content/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}

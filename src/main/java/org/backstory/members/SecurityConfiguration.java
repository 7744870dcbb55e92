package org.backstory.members;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * The single table of who may reach which URL. Reading pages are open; the account, checkout and
 * admin areas are not. CSRF tokens live in a cookie and the request cache is off, so an anonymous
 * reader never causes a session row to be written.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
		csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/admin/**").hasAnyRole("OWNER", "EDITOR", "AUTHOR")
			.requestMatchers("/actuator/health/**").permitAll()
			.requestMatchers("/actuator/**").hasRole("OWNER")
			.requestMatchers("/account/**", "/checkout/**").authenticated()
			.anyRequest().permitAll())
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
			.requestCache(cache -> cache.requestCache(new NullRequestCache()))
			.headers(headers -> headers.cacheControl(cacheControl -> cacheControl.disable()))
			.formLogin(form -> form.loginPage("/login").usernameParameter("email").passwordParameter("password"))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/"));
		return http.build();
	}

}

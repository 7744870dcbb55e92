package org.backstory.api.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The headers Ghost's API answers carry, on every answer under {@code /ghost/api/}: CORS
 * open to every origin (the API is read with a key that ships in front-end code, and sets
 * no cookie), {@code Content-Version} and {@code Vary}. A CORS pre-flight (browsers send
 * one for {@code Accept-Version}) is answered here with 204, allowing the headers asked
 * for, as the {@code cors} package Ghost uses does.
 */
final class ContentApiHeaders extends OncePerRequestFilter {

	static final String CONTENT_VERSION = "v5.0";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
		response.setHeader("Content-Version", CONTENT_VERSION);
		response.setHeader(HttpHeaders.VARY, "Accept-Version, Accept-Encoding");
		if (HttpMethod.OPTIONS.matches(request.getMethod())
				&& request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null) {
			response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET,HEAD,PUT,PATCH,POST,DELETE");
			String requested = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
			if (requested != null && !requested.isBlank()) {
				response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, requested);
			}
			response.setHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "86400");
			response.setStatus(HttpServletResponse.SC_NO_CONTENT);
			return;
		}
		chain.doFilter(request, response);
	}

}

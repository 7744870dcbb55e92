package org.backstory.site;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose parameters (query string or form body) cannot be read as text,
 * or carry a NUL character, with 400 and the site's error page, before anything else
 * reads them. Tomcat reports bytes that are not UTF-8 (and a form body over its size
 * limit, 413) by throwing from whichever {@code getParameter} call comes first, deep in a
 * filter or a handler; PostgreSQL refuses NUL in text (SQLSTATE 22021), so a NUL passed
 * on to a query failed as a server error. Multipart bodies are left to the multipart
 * resolver, which reads them with its own limits and messages.
 */
final class MalformedParameterFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(MalformedParameterFilter.class);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		int refusal = multipart(request) ? 0 : refusal(request);
		if (refusal != 0) {
			response.sendError(refusal);
			return;
		}
		chain.doFilter(request, response);
	}

	/** The status to refuse the request's parameters with, or 0 if they are fine. */
	private static int refusal(HttpServletRequest request) {
		Map<String, String[]> parameters;
		try {
			parameters = request.getParameterMap();
		}
		catch (InvalidParameterException ex) {
			int status = ex.getErrorCode() >= 400 ? ex.getErrorCode() : HttpStatus.BAD_REQUEST.value();
			log.info("Refused unreadable request parameters status={} path={}", status, request.getRequestURI());
			return status;
		}
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			if (hasNul(parameter.getKey()) || hasNul(parameter.getValue())) {
				log.info("Refused a request parameter holding a NUL character path={}", request.getRequestURI());
				return HttpStatus.BAD_REQUEST.value();
			}
		}
		return 0;
	}

	private static boolean hasNul(String... values) {
		for (String value : values) {
			if (value.indexOf('\0') >= 0) {
				return true;
			}
		}
		return false;
	}

	private static boolean multipart(HttpServletRequest request) {
		String contentType = request.getContentType();
		return contentType != null && contentType.regionMatches(true, 0, "multipart/", 0, "multipart/".length());
	}

}

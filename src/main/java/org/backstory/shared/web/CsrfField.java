package org.backstory.shared.web;

import org.springframework.security.web.csrf.CsrfToken;

/**
 * The hidden form field that carries a CSRF token. Controllers that render a form put one
 * in the model under {@code csrf}; templates render it with
 * {@code @template.fragments.csrf(csrf)}.
 *
 * @param name the form parameter name
 * @param value the masked token value
 */
public record CsrfField(String name, String value) {

	public static CsrfField of(CsrfToken token) {
		return new CsrfField(token.getParameterName(), token.getToken());
	}

}

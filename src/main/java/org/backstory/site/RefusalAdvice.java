package org.backstory.site;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backstory.shared.web.Refusal;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A page that refuses with a {@link Refusal} answers 403 with the refusal's sentence on
 * the error page. Last in order, so the APIs' own error advice answers in JSON first.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class RefusalAdvice {

	/** Where the sentence waits for the error page, within the same request. */
	static final String SENTENCE = RefusalAdvice.class.getName() + ".sentence";

	@ExceptionHandler(Refusal.class)
	void refuse(Refusal refusal, HttpServletRequest request, HttpServletResponse response) throws IOException {
		request.setAttribute(SENTENCE, refusal.getMessage());
		response.sendError(HttpStatus.FORBIDDEN.value());
	}

}

package org.backstory.site;

import java.io.IOException;
import java.sql.SQLException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The last line against bad input: a value the database refuses as malformed or out of
 * range (SQLSTATE class 22, "data exception": text too long for its column, a number that
 * overflows, a string that is no date) is the request's fault, so it gets 400 and the
 * site's error page rather than a server error. The transaction that tried to store it
 * has already rolled back. Handlers should refuse such values first, with a message on
 * their form; this catches the ones they miss. Every other database error stays a server
 * error.
 */
@ControllerAdvice
class DataExceptionAdvice {

	private static final Logger log = LoggerFactory.getLogger(DataExceptionAdvice.class);

	private static final String DATA_EXCEPTION_CLASS = "22";

	@ExceptionHandler(DataIntegrityViolationException.class)
	void refuse(DataIntegrityViolationException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		String state = sqlState(ex);
		if (state == null || !state.startsWith(DATA_EXCEPTION_CLASS)) {
			throw ex;
		}
		log.warn("Refused a value the database cannot take sqlState={} path={}", state, request.getRequestURI());
		response.sendError(HttpStatus.BAD_REQUEST.value());
	}

	private static @Nullable String sqlState(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return null;
	}

}

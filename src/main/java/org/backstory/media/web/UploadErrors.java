package org.backstory.media.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Answers an upload over the size limit with 413 and a sentence naming the limit. The
 * request is refused while it is parsed, before any controller is chosen, so this advice
 * applies to every path: the editor's upload gets JSON ({@code {"error": "..."}}), any
 * other form plain text.
 */
@ControllerAdvice
class UploadErrors {

	private final DataSize limit;

	UploadErrors(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize limit) {
		this.limit = limit;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<?> tooLarge(HttpServletRequest request) {
		String message = "The file is larger than the upload limit of " + limit.toMegabytes() + " MB.";
		if (request.getRequestURI().startsWith("/admin/media")) {
			return error(HttpStatus.CONTENT_TOO_LARGE, message);
		}
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.TEXT_PLAIN).body(message);
	}

	static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", message));
	}

}

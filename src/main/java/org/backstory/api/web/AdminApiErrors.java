package org.backstory.api.web;

import java.util.Map;

import jakarta.servlet.ServletException;
import org.backstory.publishing.InvalidArticleException;
import org.backstory.publishing.NoSuchArticleException;
import org.backstory.publishing.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;

/**
 * Every refusal of the Admin API in Ghost's error envelope
 * ({@link ContentApiErrors#envelope}): a check the newsroom's services make becomes the
 * error Ghost answers for it (a refused permission 403 {@code NoPermissionError}, a
 * problem with the content 422 {@code ValidationError}, someone else's save in between
 * 409 {@code UpdateCollisionError}), and a request Spring cannot read keeps its 4xx
 * status. First in order, before the site's page-wide advice.
 */
@RestControllerAdvice(assignableTypes = { AdminPostsController.class, AdminApiController.class,
		AdminImagesController.class, AdminMembersController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminApiErrors {

	static final String COLLISION = "Saving failed! Someone else is editing this post.";

	private static final Logger log = LoggerFactory.getLogger(AdminApiErrors.class);

	@ExceptionHandler(GhostError.class)
	ResponseEntity<Map<String, Object>> refused(GhostError error) {
		return ContentApiErrors.envelope(error.status(), error.type(), error.getMessage(), error.context(),
				error.code());
	}

	@ExceptionHandler(NqlException.class)
	ResponseEntity<Map<String, Object>> badFilter(NqlException error) {
		return ContentApiErrors.envelope(HttpStatus.BAD_REQUEST, "BadRequestError", "Error parsing filter",
				error.getMessage(), null);
	}

	@ExceptionHandler(StaleVersionException.class)
	ResponseEntity<Map<String, Object>> collision(StaleVersionException error) {
		return ContentApiErrors.envelope(HttpStatus.CONFLICT, "UpdateCollisionError", COLLISION, error.getMessage(),
				"UPDATE_COLLISION");
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Map<String, Object>> denied(AccessDeniedException error) {
		return ContentApiErrors.envelope(HttpStatus.FORBIDDEN, "NoPermissionError", "Permission error.",
				error.getMessage(), null);
	}

	@ExceptionHandler(NoSuchArticleException.class)
	ResponseEntity<Map<String, Object>> noArticle() {
		return refused(GhostError.notFound("post"));
	}

	/**
	 * The services' sentences for bad content ({@link InvalidArticleException} among
	 * them).
	 */
	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Map<String, Object>> invalid(IllegalArgumentException error) {
		String context = error instanceof InvalidArticleException invalid ? String.join(" ", invalid.problems())
				: error.getMessage();
		return ContentApiErrors.envelope(HttpStatus.UNPROCESSABLE_CONTENT, "ValidationError", "Validation error.",
				context, null);
	}

	/**
	 * Two requests taking the same unique value at the same moment (an address, a slug):
	 * the check before the write passed for both, the database refused the second.
	 */
	@ExceptionHandler(DuplicateKeyException.class)
	ResponseEntity<Map<String, Object>> taken(DuplicateKeyException error) {
		log.info("Admin API write refused by a unique key: {}", error.getMostSpecificCause().getMessage());
		return ContentApiErrors.envelope(HttpStatus.UNPROCESSABLE_CONTENT, "ValidationError", "Validation error.",
				"A value that must be unique was taken at the same moment; try again.", null);
	}

	/**
	 * What Spring refuses before a handler runs (wrong method, content type, a missing
	 * part) keeps its status.
	 */
	@ExceptionHandler({ ServletException.class, ErrorResponseException.class, MultipartException.class })
	ResponseEntity<Map<String, Object>> unreadable(Exception error) {
		log.info("Refused an Admin API request: {}", error.getMessage());
		HttpStatus status = error instanceof ErrorResponse response
				? HttpStatus.resolve(response.getStatusCode().value()) : HttpStatus.BAD_REQUEST;
		if (status == null || !status.is4xxClientError()) {
			status = HttpStatus.BAD_REQUEST;
		}
		return ContentApiErrors.envelope(status, status == HttpStatus.NOT_FOUND ? "NotFoundError" : "BadRequestError",
				"Request not understood.", error instanceof ErrorResponse response ? response.getBody().getDetail()
						: "The request could not be read.",
				null);
	}

}

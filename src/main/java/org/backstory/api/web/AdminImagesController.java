package org.backstory.api.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.backstory.media.MediaLibrary;
import org.backstory.media.StoredImage;
import org.backstory.media.UnusableImageException;
import org.backstory.shared.BackstoryProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ghost's Admin API image upload: {@code POST images/upload/} with the image in the
 * multipart field {@code file}, an optional {@code purpose} ({@code image},
 * {@code profile_image} or {@code icon}) and an optional {@code ref} given back as it
 * came. The image goes through the media library's own checks (JPEG, PNG or GIF told from
 * its content, size limits); what it refuses is a 422 {@code ValidationError}. Any
 * integration may upload, as any staff member may in the editor.
 */
@RestController
@RequestMapping("/ghost/api/admin/images")
class AdminImagesController {

	private static final Set<String> PURPOSES = Set.of("image", "profile_image", "icon");

	private final AdminApiAuth auth;

	private final MediaLibrary library;

	private final ContentApiAnswers answers;

	private final BackstoryProperties site;

	AdminImagesController(AdminApiAuth auth, MediaLibrary library, JsonMapper json, BackstoryProperties site) {
		this.auth = auth;
		this.library = library;
		this.answers = new ContentApiAnswers(json);
		this.site = site;
	}

	@PostMapping({ "/upload/", "/upload" })
	ResponseEntity<byte[]> upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@RequestParam(name = "purpose", required = false) @Nullable String purpose,
			@RequestParam(name = "ref", required = false) @Nullable String ref, HttpServletRequest request)
			throws IOException {
		auth.caller(request);
		if (file == null) {
			throw AdminInput.invalid("Send the image as multipart/form-data in a field named file.");
		}
		if (purpose != null && !PURPOSES.contains(purpose)) {
			throw AdminInput.invalid("purpose is image, profile_image or icon.");
		}
		StoredImage image = library.upload(file.getBytes());
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("url", image.url().startsWith("/") ? site.link(image.url()) : image.url());
		json.put("ref", ref);
		return ResponseEntity.status(HttpStatus.CREATED)
			.headers(AdminAnswers.headers())
			.body(answers.write(Map.of("images", List.of(json))).body());
	}

	@ExceptionHandler(UnusableImageException.class)
	ResponseEntity<Map<String, Object>> unusable(UnusableImageException error) {
		return ContentApiErrors.envelope(HttpStatus.UNPROCESSABLE_CONTENT, "ValidationError", "Validation error.",
				error.getMessage(), null);
	}

}

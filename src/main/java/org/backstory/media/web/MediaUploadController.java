package org.backstory.media.web;

import java.io.IOException;
import java.util.Map;

import org.backstory.media.MediaLibrary;
import org.backstory.media.StoredImage;
import org.backstory.media.UnusableImageException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;

/**
 * The editor's image upload: {@code POST /admin/media} with the image in the multipart
 * field {@code file} (staff from contributor up, by the URL table). Answers the stored
 * image as JSON, or {@code {"error": "..."}} with 422 when the upload is not a usable
 * image.
 */
@RestController
class MediaUploadController {

	private final MediaLibrary library;

	MediaUploadController(MediaLibrary library) {
		this.library = library;
	}

	@PostMapping(path = "/admin/media", produces = MediaType.APPLICATION_JSON_VALUE)
	StoredImage upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file) throws IOException {
		if (file == null) {
			throw new UnusableImageException("Choose an image to upload (the form field is named file).");
		}
		return library.upload(file.getBytes());
	}

	@ExceptionHandler(UnusableImageException.class)
	ResponseEntity<Map<String, String>> unusable(UnusableImageException ex) {
		return UploadErrors.error(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Map<String, String>> notMultipart(MultipartException ex) {
		return UploadErrors.error(HttpStatus.UNPROCESSABLE_CONTENT,
				"Send the image as multipart/form-data in a field named file.");
	}

}

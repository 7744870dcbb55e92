package org.backstory.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.backstory.shared.BackstoryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Generated share images, kept on disk under the data directory ({@code share-images/})
 * and named by the digest of what they show ({@link ShareDrawing#key()}): a picture is
 * drawn once, and again only when its title, publication name or accent changes (a new
 * name; the old file is simply no longer asked for).
 */
@Component
class ShareImages {

	private static final Logger log = LoggerFactory.getLogger(ShareImages.class);

	private final Path directory;

	ShareImages(BackstoryProperties properties) {
		this.directory = properties.dataDir().resolve("share-images");
	}

	/** The PNG for this drawing, from the disk when it was drawn before. */
	byte[] png(ShareDrawing drawing) {
		Path file = directory.resolve(drawing.key() + ".png");
		try {
			if (Files.isRegularFile(file)) {
				return Files.readAllBytes(file);
			}
			byte[] png = ShareImagePainter.paint(drawing);
			Files.createDirectories(directory);
			// Written aside and moved in whole, so a reader at the same moment never sees
			// half a file.
			Path partial = Files.createTempFile(directory, "drawing-", ".part");
			Files.write(partial, png);
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			log.info("share image drawn file={} bytes={}", file.getFileName(), png.length);
			return png;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

package org.backstory.exports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.backstory.media.MediaArchive;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The uploaded images' files as zip entries under a folder, in path order, each dated
 * when its image was uploaded, so the zip is the same bytes for the same images. Each
 * file is copied from disk as it is read. A file missing on disk (a restored database
 * without its media folder) is left out and logged, so the rest of the export still
 * arrives.
 */
@Component
class MediaZip {

	private static final Logger log = LoggerFactory.getLogger(MediaZip.class);

	private final MediaArchive media;

	MediaZip(MediaArchive media) {
		this.media = media;
	}

	/**
	 * Adds every image file under {@code folder} (ending in {@code /}, or empty for the
	 * zip's root).
	 */
	void write(ZipOutputStream zip, String folder) {
		for (MediaArchive.MediaFile file : media.files()) {
			if (!Files.isRegularFile(file.file())) {
				log.warn("Media file missing from export path={}", file.path());
				continue;
			}
			try {
				ZipEntry entry = new ZipEntry(folder + file.path());
				entry.setLastModifiedTime(FileTime.from(file.createdAt()));
				zip.putNextEntry(entry);
				Files.copy(file.file(), zip);
				zip.closeEntry();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

}

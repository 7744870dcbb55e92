package org.backstory.media;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * Every uploaded image's files, for the owner's export: for each image its original as
 * uploaded and the copies readers get, named by their path under the media folder (the
 * path after {@code /media/} in an article's image address, {@code originals/...} for the
 * originals), in path order.
 */
@Service
public class MediaArchive {

	private final ImageRepository images;

	private final MediaFiles files;

	MediaArchive(ImageRepository images, MediaFiles files) {
		this.images = images;
		this.files = files;
	}

	/**
	 * One stored file.
	 *
	 * @param path its path under the media folder, with {@code /} between folders
	 * @param file where it is on disk
	 * @param createdAt when its image was uploaded
	 */
	public record MediaFile(String path, Path file, Instant createdAt) {
	}

	/** Every file of every image, in path order. */
	public List<MediaFile> files() {
		List<MediaFile> all = new ArrayList<>();
		for (ImageRepository.ArchivedRow image : images.all()) {
			ImageRepository.StoredRow row = image.stored();
			for (int width : row.widths()) {
				all.add(file(files.copy(row.folder(), row.name(), width, row.extension()), image.createdAt()));
			}
			all.add(file(files.original(row.folder(), row.name(), image.originalExtension()), image.createdAt()));
		}
		all.sort(Comparator.comparing(MediaFile::path));
		return all;
	}

	private MediaFile file(Path file, Instant createdAt) {
		return new MediaFile(files.root().relativize(file).toString().replace('\\', '/'), file, createdAt);
	}

}

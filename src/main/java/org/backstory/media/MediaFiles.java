package org.backstory.media;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.backstory.shared.BackstoryProperties;
import org.springframework.stereotype.Component;

/**
 * The media folder, {@code <dataDir>/media}: copies readers get under
 * {@code <yyyy>/<mm>/}, originals as uploaded under {@code originals/<yyyy>/<mm>/} (never
 * served: they keep their metadata). Files are written to a temporary name and moved into
 * place, so a reader never sees half a file.
 */
@Component
public class MediaFiles {

	private final Path root;

	MediaFiles(BackstoryProperties properties) {
		this.root = properties.dataDir().resolve("media").toAbsolutePath().normalize();
	}

	/** The folder the public copies are served from. */
	public Path root() {
		return root;
	}

	Path copy(String folder, String name, int width, String extension) {
		return root.resolve(folder).resolve(name + "-" + width + "." + extension);
	}

	Path original(String folder, String name, String extension) {
		return root.resolve("originals").resolve(folder).resolve(name + "." + extension);
	}

	void write(Path target, byte[] bytes) throws IOException {
		Files.createDirectories(target.getParent());
		Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
		try {
			Files.write(temporary, bytes);
			try {
				Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

}

package org.backstory.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Stores uploaded images: checks the bytes, makes the copies readers get, writes the
 * files and records the image. The same bytes uploaded again give back the image already
 * stored. Nothing is written for an upload that is refused.
 */
@Service
public class MediaLibrary {

	private static final Logger log = LoggerFactory.getLogger(MediaLibrary.class);

	private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyy/MM").withZone(ZoneOffset.UTC);

	private static final Map<String, String> ORIGINAL_EXTENSIONS = Map.of("jpeg", "jpg", "png", "png", "gif", "gif");

	/**
	 * Decoding holds the whole bitmap in memory (up to 200 MB for the largest image
	 * taken): two at a time.
	 */
	private final Semaphore decoding = new Semaphore(2);

	private final ImageRepository images;

	private final MediaFiles files;

	private final Clock clock;

	MediaLibrary(ImageRepository images, MediaFiles files, Clock clock) {
		this.images = images;
		this.files = files;
		this.clock = clock;
	}

	/**
	 * Stores an uploaded image (JPEG, PNG or GIF, told from its content) and returns how
	 * to show it.
	 * @throws UnusableImageException if the bytes are empty, not an image of a supported
	 * format, or the image's dimensions are too large; nothing is stored then
	 */
	public StoredImage upload(byte[] bytes) {
		return store(bytes, clock.instant());
	}

	/**
	 * Stores an image from the owner's export again as it was uploaded at
	 * {@code uploadedAt}: its folder ({@code yyyy/MM} of that time), name and copies come
	 * out as they were, so its addresses keep working and a re-export has the same files.
	 * An image already here is left as it is.
	 * @throws UnusableImageException as {@link #upload}
	 */
	public StoredImage restore(byte[] original, Instant uploadedAt) {
		return store(original, uploadedAt);
	}

	private StoredImage store(byte[] bytes, Instant now) {
		if (bytes.length == 0) {
			throw new UnusableImageException("The file is empty; choose an image to upload.");
		}
		String sha256 = sha256(bytes);
		Optional<ImageRepository.StoredRow> known = images.bySha256(sha256);
		if (known.isPresent()) {
			return view(known.get());
		}
		ImageProbe.Header header = ImageProbe.read(bytes);
		List<ImageCopies.Copy> copies = copiesOf(bytes, header);
		String name = sha256.substring(0, 16);
		String folder = FOLDER.format(now);
		String originalExtension = ORIGINAL_EXTENSIONS.get(header.format());
		try {
			files.write(files.original(folder, name, originalExtension), bytes);
			for (ImageCopies.Copy copy : copies) {
				files.write(files.copy(folder, name, copy.width(), header.copyExtension()), copy.bytes());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not write the media files of " + name, ex);
		}
		ImageCopies.Copy largest = copies.get(0);
		ImageRepository.StoredRow stored = images.insert(new ImageRepository.NewRow(sha256, name, folder,
				header.copyExtension(), originalExtension, header.width(), header.height(), bytes.length,
				copies.stream().map(ImageCopies.Copy::width).sorted().toList(), largest.height(), now));
		log.info("Image stored name={} format={} width={} height={} bytes={}", name, header.format(), header.width(),
				header.height(), bytes.length);
		return view(stored);
	}

	private List<ImageCopies.Copy> copiesOf(byte[] bytes, ImageProbe.Header header) {
		decoding.acquireUninterruptibly();
		try {
			return ImageCopies.make(bytes, header.copyExtension());
		}
		catch (IOException | RuntimeException ex) {
			// The header was fine but the pixels are not (a truncated or corrupt file).
			log.info("Image refused reason=undecodable format={} bytes={}", header.format(), bytes.length);
			throw new UnusableImageException("This image is damaged or incomplete and cannot be read.");
		}
		finally {
			decoding.release();
		}
	}

	private static StoredImage view(ImageRepository.StoredRow row) {
		String base = "/media/" + row.folder() + "/" + row.name() + "-";
		String extension = "." + row.extension();
		int largest = row.widths().get(row.widths().size() - 1);
		String url = base + largest + extension;
		String srcset = row.widths()
			.stream()
			.map(w -> base + w + extension + " " + w + "w")
			.collect(Collectors.joining(", "));
		return new StoredImage(url, srcset, "![](" + url + ")", largest, row.height());
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

}

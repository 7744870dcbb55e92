package org.backstory.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Tells what an upload is from its bytes (never from its name or declared type) and reads
 * its dimensions from the header only, so a small file that claims to be a gigapixel
 * image (a decompression bomb) is refused before anything is decoded.
 */
final class ImageProbe {

	static final int MAX_SIDE = 20_000;

	static final long MAX_PIXELS = 50_000_000L;

	/**
	 * The formats taken, by ImageIO format name, and the file extension their copies get.
	 */
	private static final Map<String, String> ACCEPTED = Map.of("jpeg", "jpg", "png", "png", "gif", "png");

	private ImageProbe() {
	}

	/**
	 * A sniffed image: its format, the extension its copies get, and its dimensions as
	 * the header states them.
	 */
	record Header(String format, String copyExtension, int width, int height) {
	}

	static Header read(byte[] bytes) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw notAnImage();
			}
			ImageReader reader = readers.next();
			try {
				String format = reader.getFormatName().toLowerCase(Locale.ROOT);
				String extension = ACCEPTED.get(format);
				if (extension == null) {
					throw new UnusableImageException(
							"This image format (" + format + ") is not supported; upload a JPEG, PNG or GIF.");
				}
				reader.setInput(in, true, true);
				Header header = new Header(format, extension, reader.getWidth(0), reader.getHeight(0));
				checkDimensions(header.width(), header.height());
				return header;
			}
			finally {
				reader.dispose();
			}
		}
		catch (UnusableImageException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			// ImageIO plugins answer some malformed headers with runtime exceptions
			// rather than IOException.
			throw notAnImage();
		}
	}

	static void checkDimensions(int width, int height) {
		if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
			throw new UnusableImageException(
					"The image is " + width + " × " + height + " pixels; images may be at most " + MAX_SIDE
							+ " pixels on a side and " + MAX_PIXELS / 1_000_000 + " megapixels in all.");
		}
	}

	private static UnusableImageException notAnImage() {
		return new UnusableImageException("This file is not an image we can read; upload a JPEG, PNG or GIF.");
	}

}

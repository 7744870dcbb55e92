package org.backstory.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import net.coobird.thumbnailator.Thumbnails;

/**
 * Makes the copies readers get: the image turned upright (EXIF orientation), scaled to
 * each of {@link #WIDTHS} below its own width plus one at its own width capped at the
 * largest (never upscaled), and encoded afresh without any metadata (no camera, GPS or
 * comment survives).
 * <p>
 * Naming convention shared with publishing's {@code ResponsiveImages}: a copy
 * {@code <name>-<w>.<ext>} means copies exist at every width of {@link #WIDTHS} below
 * {@code w}, so the largest copy's address is enough to build the whole {@code srcset}.
 */
final class ImageCopies {

	static final List<Integer> WIDTHS = List.of(480, 960, 1600);

	private static final float JPEG_QUALITY = 0.82f;

	private ImageCopies() {
	}

	/** One encoded copy. */
	record Copy(int width, int height, byte[] bytes) {
	}

	/** The widths of the copies of an image this wide (upright), smallest first. */
	static List<Integer> widthsFor(int width) {
		int largest = Math.min(width, WIDTHS.get(WIDTHS.size() - 1));
		List<Integer> widths = new ArrayList<>(WIDTHS.stream().filter(w -> w < largest).toList());
		widths.add(largest);
		return widths;
	}

	/**
	 * The copies of {@code original} encoded as {@code extension} ("jpg" or "png"),
	 * largest first.
	 */
	static List<Copy> make(byte[] original, String extension) throws IOException {
		boolean jpeg = "jpg".equals(extension);
		BufferedImage source = Thumbnails.of(new ByteArrayInputStream(original))
			.scale(1.0)
			.imageType(jpeg ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB)
			.asBufferedImage();
		List<Integer> widths = widthsFor(source.getWidth());
		List<Copy> copies = new ArrayList<>();
		for (int i = widths.size() - 1; i >= 0; i--) {
			// Each smaller copy is scaled from the previous one: cheaper than from the
			// original, and as sharp.
			BufferedImage scaled = widths.get(i) == source.getWidth() ? source
					: Thumbnails.of(source).width(widths.get(i)).imageType(source.getType()).asBufferedImage();
			copies.add(
					new Copy(scaled.getWidth(), scaled.getHeight(), encode(jpeg ? opaque(scaled) : scaled, extension)));
			source = scaled;
		}
		return copies;
	}

	private static BufferedImage opaque(BufferedImage image) {
		if (!image.getColorModel().hasAlpha()) {
			return image;
		}
		BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = rgb.createGraphics();
		try {
			g.drawImage(image, 0, 0, Color.WHITE, null);
		}
		finally {
			g.dispose();
		}
		return rgb;
	}

	private static byte[] encode(BufferedImage image, String extension) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName(extension).next();
		ImageWriteParam param = writer.getDefaultWriteParam();
		if ("jpg".equals(extension)) {
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(JPEG_QUALITY);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

}

package org.backstory.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.backstory.shared.BackstoryProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated share images: a 1200×630 PNG with something drawn on it, drawn once per
 * title, name and accent.
 */
class ShareImagesTests {

	@TempDir
	Path dataDir;

	ShareImages images() {
		return new ShareImages(new BackstoryProperties(URI.create("https://news.example"), dataDir, null));
	}

	@Test
	void aCardIsA1200By630PngWithTheTitleAndAccentDrawnOnIt() throws IOException {
		BufferedImage image = decode(
				images().png(new ShareDrawing(null, "Inside the Port Anselm summits", "The Meridian", "#c0392b")));

		assertThat(image.getWidth()).isEqualTo(1200);
		assertThat(image.getHeight()).isEqualTo(630);
		assertThat(image.getRGB(600, 5) & 0xffffff).as("the accent bar").isEqualTo(0xc0392b);
		int background = ShareImagePainter.BACKGROUND.getRGB() & 0xffffff;
		long inked = 0;
		for (int y = 120; y < 450; y++) {
			for (int x = 80; x < 1120; x++) {
				if ((image.getRGB(x, y) & 0xffffff) != background) {
					inked++;
				}
			}
		}
		assertThat(inked).as("pixels of the title").isGreaterThan(5_000);
	}

	@Test
	void aCardDrawnBeforeIsReadFromTheDiskNotDrawnAgain() throws IOException {
		ShareDrawing drawing = new ShareDrawing("Topic", "Energy", "The Meridian", "#123456");
		byte[] first = images().png(drawing);
		Path file = dataDir.resolve("share-images").resolve(drawing.key() + ".png");
		assertThat(file).hasBinaryContent(first);

		byte[] again = images().png(drawing);
		Files.write(file, "kept".getBytes(StandardCharsets.US_ASCII));
		byte[] fromDisk = images().png(drawing);

		assertThat(again).isEqualTo(first);
		assertThat(fromDisk).asString(StandardCharsets.US_ASCII).isEqualTo("kept");
		assertThat(Files.list(file.getParent())).hasSize(1);
	}

	@Test
	void aChangedTitleNameOrAccentIsANewPicture() throws IOException {
		ShareDrawing drawing = new ShareDrawing(null, "The first headline", "The Meridian", "#123456");
		byte[] first = images().png(drawing);

		for (ShareDrawing changed : new ShareDrawing[] {
				new ShareDrawing(null, "The second headline", "The Meridian", "#123456"),
				new ShareDrawing(null, "The first headline", "The Evening Meridian", "#123456"),
				new ShareDrawing(null, "The first headline", "The Meridian", "#654321") }) {
			assertThat(changed.key()).isNotEqualTo(drawing.key());
			assertThat(images().png(changed)).isNotEqualTo(first);
		}
		assertThat(Files.list(dataDir.resolve("share-images"))).hasSize(4);
	}

	@Test
	void aLongTitleIsWrappedWithinTheCard() throws IOException {
		String title = "A very long headline about the talks between Kestria and Orvenna that goes on and on about "
				+ "the gas field, the strait, the ferries, the harbour fees and the pilots who guide the tankers in, "
				+ "Supercalifragilisticexpialidociouslyandunbreakablylongwordthatdoesnotfitonanylineatall";
		BufferedImage image = decode(images().png(new ShareDrawing(null, title, "The Meridian", "not a colour")));

		int background = ShareImagePainter.BACKGROUND.getRGB() & 0xffffff;
		for (int y = 30; y < 630; y++) {
			for (int x = 1120 + 4; x < 1200; x++) {
				assertThat(image.getRGB(x, y) & 0xffffff).as("right margin at %d,%d", x, y).isEqualTo(background);
			}
		}
	}

	private static BufferedImage decode(byte[] png) throws IOException {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		assertThat(image).isNotNull();
		return image;
	}

}

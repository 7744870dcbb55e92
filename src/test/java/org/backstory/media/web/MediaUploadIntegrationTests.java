package org.backstory.media.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.backstory.Visitor;
import org.backstory.members.MemberDirectory;
import org.backstory.members.MemberFixtures;
import org.backstory.members.MemberRole;
import org.backstory.media.MediaFiles;
import org.backstory.publishing.ResponsiveImages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Staff upload images for articles; readers get resized, metadata-free copies with long
 * cache headers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MediaUploadIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	MemberDirectory members;

	@Autowired
	MediaFiles files;

	@Test
	void aContributorUploadsAPngAndGetsThreeWidthsAsPng() throws IOException {
		Visitor.Page answer = upload(staff(MemberRole.CONTRIBUTOR), "photo.png", "image/png", png(2000, 1000));

		assertThat(answer.status()).isEqualTo(200);
		JsonNode image = JSON.readTree(answer.body());
		String url = image.get("url").asString();
		assertThat(url).matches("/media/[0-9]{4}/[0-9]{2}/[0-9a-f]{16}-1600\\.png");
		String base = url.substring(0, url.length() - "1600.png".length());
		assertThat(image.get("srcset").asString())
			.isEqualTo(base + "480.png 480w, " + base + "960.png 960w, " + base + "1600.png 1600w");
		assertThat(image.get("markdown").asString()).isEqualTo("![](" + url + ")");
		assertThat(ResponsiveImages.srcset(url)).hasValue(image.get("srcset").asString());
		assertThat(image.get("width").asInt()).isEqualTo(1600);
		assertThat(image.get("height").asInt()).isEqualTo(800);
		assertThat(dimensions(base + "480.png")).containsExactly(480, 240);
		assertThat(dimensions(base + "960.png")).containsExactly(960, 480);
		assertThat(dimensions(base + "1600.png")).containsExactly(1600, 800);
		String name = url.substring(url.lastIndexOf('/') + 1, url.lastIndexOf('-'));
		assertThat(files.root().resolve("originals").resolve(url.substring(7, 14)).resolve(name + ".png")).exists();
	}

	@Test
	void aPhotoNarrowerThanTheLargestWidthIsNeverUpscaled() throws IOException {
		Visitor.Page answer = upload(staff(MemberRole.CONTRIBUTOR), "small.jpg", "image/jpeg", jpeg(1000, 750));

		assertThat(answer.status()).isEqualTo(200);
		JsonNode image = JSON.readTree(answer.body());
		String url = image.get("url").asString();
		assertThat(url).endsWith("-1000.jpg");
		String base = url.substring(0, url.length() - "1000.jpg".length());
		assertThat(image.get("srcset").asString())
			.isEqualTo(base + "480.jpg 480w, " + base + "960.jpg 960w, " + base + "1000.jpg 1000w");
		assertThat(ResponsiveImages.srcset(url)).hasValue(image.get("srcset").asString());
		assertThat(dimensions(base + "1000.jpg")).containsExactly(1000, 750);
		assertThat(dimensions(base + "480.jpg")).containsExactly(480, 360);
		assertThat(Files.exists(copyFile(base + "1600.jpg"))).isFalse();
	}

	@Test
	void theSameBytesUploadedTwiceAreOneImage() throws IOException {
		Visitor contributor = staff(MemberRole.CONTRIBUTOR);
		byte[] photo = jpeg(640, 480);

		String first = JSON.readTree(upload(contributor, "a.jpg", "image/jpeg", photo).body()).get("url").asString();
		long filesBefore = fileCount();
		String second = JSON.readTree(upload(contributor, "b.jpg", "image/jpeg", photo).body()).get("url").asString();

		assertThat(second).isEqualTo(first);
		assertThat(fileCount()).isEqualTo(filesBefore);
	}

	@Test
	void metadataIsStrippedFromTheCopies() throws IOException {
		byte[] tagged = withChunk(png(800, 600), "tEXt",
				"Comment\0secret-location-51.5N".getBytes(StandardCharsets.ISO_8859_1));

		String url = JSON.readTree(upload(staff(MemberRole.CONTRIBUTOR), "tagged.png", "image/png", tagged).body())
			.get("url")
			.asString();

		assertThat(new String(Files.readAllBytes(copyFile(url)), StandardCharsets.ISO_8859_1)).doesNotContain("secret");
	}

	@Test
	void aTextFileNamedPngIsRefusedAndNothingIsStored() throws IOException {
		long filesBefore = fileCount();

		Visitor.Page answer = upload(staff(MemberRole.CONTRIBUTOR), "cat.png", "image/png",
				"Dear editor, this is not a picture.".getBytes(StandardCharsets.UTF_8));

		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.header("Content-Type")).startsWith("application/json");
		assertThat(JSON.readTree(answer.body()).get("error").asString())
			.isEqualTo("This file is not an image we can read; upload a JPEG, PNG or GIF.");
		assertThat(fileCount()).isEqualTo(filesBefore);
	}

	@Test
	void anImageClaimingAbsurdDimensionsIsRefusedBeforeItIsDecoded() throws IOException {
		long filesBefore = fileCount();

		Visitor.Page answer = upload(staff(MemberRole.CONTRIBUTOR), "bomb.png", "image/png",
				claiming(png(2, 2), 100_000, 100_000));

		assertThat(answer.status()).isEqualTo(422);
		assertThat(JSON.readTree(answer.body()).get("error").asString())
			.startsWith("The image is 100000 × 100000 pixels; images may be at most 20000 pixels on a side");
		assertThat(fileCount()).isEqualTo(filesBefore);
	}

	@Test
	void aFileOverTheSizeLimitIsRefusedWith413() throws IOException {
		byte[] huge = new byte[26 * 1024 * 1024];

		Visitor.Page answer = upload(staff(MemberRole.CONTRIBUTOR), "huge.jpg", "image/jpeg", huge);

		assertThat(answer.status()).isEqualTo(413);
		assertThat(JSON.readTree(answer.body()).get("error").asString())
			.isEqualTo("The file is larger than the upload limit of 25 MB.");
	}

	@Test
	void aRequestWithoutAFileIsRefusedWithAMessage() throws IOException {
		Visitor.Page answer = staff(MemberRole.CONTRIBUTOR).upload("/admin/media", "/admin", "picture", "x.png",
				"image/png", png(10, 10));

		assertThat(answer.status()).isEqualTo(422);
		assertThat(JSON.readTree(answer.body()).get("error").asString()).startsWith("Choose an image to upload");
	}

	@Test
	void anonymousVisitorsAreSentToLogInAndMembersAreRefused() throws IOException {
		Visitor.Page anonymous = new Visitor(port).upload("/admin/media", "/login", "file", "a.png", "image/png",
				png(10, 10));
		assertThat(anonymous.status()).isEqualTo(302);
		assertThat(anonymous.header("Location")).endsWith("/login");

		Visitor member = new Visitor(port);
		member.signIn(MemberFixtures.reader(members, "media-reader"), MemberFixtures.PASSWORD);
		assertThat(member.upload("/admin/media", "/account", "file", "a.png", "image/png", png(10, 10)).status())
			.isEqualTo(403);
	}

	@Test
	void copiesAreServedToEveryoneWithLongCacheHeadersButOriginalsAreNot() throws IOException {
		String url = JSON
			.readTree(upload(staff(MemberRole.CONTRIBUTOR), "served.png", "image/png", png(500, 500)).body())
			.get("url")
			.asString();

		Visitor.Page served = new Visitor(port).get(url);

		assertThat(served.status()).isEqualTo(200);
		assertThat(served.header("Content-Type")).isEqualTo("image/png");
		assertThat(served.header("Cache-Control")).isEqualTo("max-age=31536000, public, immutable");
		assertThat(served.header("Set-Cookie")).isEmpty();
		String name = url.substring(url.lastIndexOf('/') + 1, url.lastIndexOf('-'));
		assertThat(new Visitor(port).get("/media/originals/" + url.substring(7, 14) + "/" + name + ".png").status())
			.isEqualTo(404);
		assertThat(new Visitor(port).get("/media/" + url.substring(7, 14) + "/" + name + "-123.png").status())
			.isEqualTo(404);
	}

	private Visitor.Page upload(Visitor visitor, String filename, String contentType, byte[] content) {
		return visitor.upload("/admin/media", "/admin", "file", filename, contentType, content);
	}

	private Visitor staff(MemberRole role) {
		Visitor visitor = new Visitor(port);
		visitor.signIn(MemberFixtures.account(members, role.name().toLowerCase(), role), MemberFixtures.PASSWORD);
		return visitor;
	}

	private Path copyFile(String url) {
		return files.root().resolve(url.substring("/media/".length()));
	}

	private int[] dimensions(String url) throws IOException {
		BufferedImage image = ImageIO.read(copyFile(url).toFile());
		return new int[] { image.getWidth(), image.getHeight() };
	}

	private long fileCount() throws IOException {
		if (!Files.exists(files.root())) {
			return 0;
		}
		try (Stream<Path> all = Files.walk(files.root())) {
			return all.filter(Files::isRegularFile).count();
		}
	}

	/** A picture nobody has uploaded before: random blocks of colour. */
	private static BufferedImage picture(int width, int height, int type) {
		BufferedImage image = new BufferedImage(width, height, type);
		Graphics2D g = image.createGraphics();
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int i = 0; i < 40; i++) {
			g.setColor(new Color(random.nextInt(0x1000000)));
			g.fillRect(random.nextInt(width), random.nextInt(height), 1 + random.nextInt(width),
					1 + random.nextInt(height));
		}
		g.dispose();
		return image;
	}

	private static byte[] png(int width, int height) {
		return encode(picture(width, height, BufferedImage.TYPE_INT_ARGB), "png");
	}

	private static byte[] jpeg(int width, int height) {
		return encode(picture(width, height, BufferedImage.TYPE_INT_RGB), "jpg");
	}

	private static byte[] encode(BufferedImage image, String format) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * The PNG with its header (IHDR, right after the 8-byte signature) claiming other
	 * dimensions.
	 */
	private static byte[] claiming(byte[] png, int width, int height) {
		ByteBuffer buffer = ByteBuffer.wrap(png.clone());
		buffer.putInt(16, width).putInt(20, height);
		CRC32 crc = new CRC32();
		crc.update(buffer.array(), 12, 17);
		buffer.putInt(29, (int) crc.getValue());
		return buffer.array();
	}

	/** The PNG with one more chunk right after its header. */
	private static byte[] withChunk(byte[] png, String type, byte[] data) {
		ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
		chunk.putInt(data.length).put(type.getBytes(StandardCharsets.ISO_8859_1)).put(data);
		CRC32 crc = new CRC32();
		crc.update(chunk.array(), 4, 4 + data.length);
		chunk.putInt((int) crc.getValue());
		int afterHeader = 8 + 25;
		ByteBuffer out = ByteBuffer.allocate(png.length + chunk.capacity());
		out.put(png, 0, afterHeader).put(chunk.array()).put(png, afterHeader, png.length - afterHeader);
		return out.array();
	}

}

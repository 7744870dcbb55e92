package org.backstory.site;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.imageio.ImageIO;

/**
 * Draws a share card with Java2D: the title, wrapped and shrunk to fit, and the
 * publication's name under an accent bar, on a 1200×630 PNG (the size Facebook, LinkedIn
 * and X show large). No display is needed: AWT runs headless.
 */
final class ShareImagePainter {

	static final int WIDTH = 1200;

	static final int HEIGHT = 630;

	static final Color BACKGROUND = new Color(0xfb, 0xfa, 0xf7);

	private static final Color INK = new Color(0x1a, 0x1a, 0x1a);

	private static final Color DEFAULT_ACCENT = new Color(0x2a, 0x6d, 0xf4);

	private static final int MARGIN = 80;

	private static final int MAX_TITLE_LINES = 4;

	private static final int[] TITLE_SIZES = { 76, 68, 60, 52, 46 };

	static {
		// Spring Boot sets this before the app starts; set it for any other caller, so
		// AWT never looks for a display.
		if (System.getProperty("java.awt.headless") == null) {
			System.setProperty("java.awt.headless", "true");
		}
	}

	/**
	 * DejaVu Sans or Liberation Sans where installed (Debian's fonts-dejavu-core), else
	 * Java's logical sans serif.
	 */
	private static final String FAMILY = family();

	private ShareImagePainter() {
	}

	static byte[] paint(ShareDrawing drawing) {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
			g.setColor(BACKGROUND);
			g.fillRect(0, 0, WIDTH, HEIGHT);
			Color accent = accent(drawing.accentColor());
			g.setColor(accent);
			g.fillRect(0, 0, WIDTH, 18);
			int y = 150;
			if (drawing.kicker() != null) {
				g.setFont(new Font(FAMILY, Font.BOLD, 30));
				g.drawString(fit(g.getFontMetrics(), drawing.kicker().toUpperCase(Locale.ROOT)), MARGIN, y);
				y += 40;
			}
			drawTitle(g, drawing.title(), y);
			g.setColor(accent);
			g.fillRect(MARGIN, HEIGHT - 130, 64, 6);
			g.setColor(INK);
			g.setFont(new Font(FAMILY, Font.BOLD, 36));
			g.drawString(fit(g.getFontMetrics(), drawing.publicationName()), MARGIN, HEIGHT - 70);
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream png = new ByteArrayOutputStream(64 * 1024);
		try {
			ImageIO.write(image, "png", png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return png.toByteArray();
	}

	/**
	 * The largest size at which the title fits in four lines; at the smallest, the fourth
	 * line ends with an ellipsis.
	 */
	private static void drawTitle(Graphics2D g, String title, int top) {
		List<String> lines = List.of();
		for (int size : TITLE_SIZES) {
			g.setFont(new Font(FAMILY, Font.BOLD, size));
			lines = wrap(g.getFontMetrics(), title);
			if (lines.size() <= MAX_TITLE_LINES) {
				break;
			}
		}
		FontMetrics metrics = g.getFontMetrics();
		if (lines.size() > MAX_TITLE_LINES) {
			List<String> kept = new ArrayList<>(lines.subList(0, MAX_TITLE_LINES));
			kept.set(MAX_TITLE_LINES - 1,
					fit(metrics, kept.get(MAX_TITLE_LINES - 1) + " " + lines.get(MAX_TITLE_LINES) + "…"));
			lines = kept;
		}
		g.setColor(INK);
		int lineHeight = Math.round(metrics.getHeight() * 1.05f);
		int y = top + metrics.getAscent();
		for (String line : lines) {
			g.drawString(line, MARGIN, y);
			y += lineHeight;
		}
	}

	/**
	 * Words into lines no wider than the card's text column; a word too long for a line
	 * is cut where it must be.
	 */
	private static List<String> wrap(FontMetrics metrics, String text) {
		int width = WIDTH - 2 * MARGIN;
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.strip().split("\\s+")) {
			String candidate = line.isEmpty() ? word : line + " " + word;
			if (metrics.stringWidth(candidate) <= width) {
				line.setLength(0);
				line.append(candidate);
				continue;
			}
			if (!line.isEmpty()) {
				lines.add(line.toString());
				line.setLength(0);
			}
			String rest = word;
			while (metrics.stringWidth(rest) > width) {
				int cut = rest.length() - 1;
				while (cut > 1 && metrics.stringWidth(rest.substring(0, cut)) > width) {
					cut--;
				}
				lines.add(rest.substring(0, cut));
				rest = rest.substring(cut);
			}
			line.append(rest);
		}
		if (!line.isEmpty()) {
			lines.add(line.toString());
		}
		return lines;
	}

	/** The text, cut short with an ellipsis if it is wider than the text column. */
	private static String fit(FontMetrics metrics, String text) {
		int width = WIDTH - 2 * MARGIN;
		if (metrics.stringWidth(text) <= width) {
			return text;
		}
		String cut = text;
		while (!cut.isEmpty() && metrics.stringWidth(cut + "…") > width) {
			cut = cut.substring(0, cut.length() - 1);
		}
		return cut.stripTrailing() + "…";
	}

	private static Color accent(String hex) {
		try {
			return Color.decode(hex);
		}
		catch (NumberFormatException ex) {
			return DEFAULT_ACCENT;
		}
	}

	private static String family() {
		Set<String> installed = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
		return installed.contains("DejaVu Sans") ? "DejaVu Sans"
				: installed.contains("Liberation Sans") ? "Liberation Sans" : Font.SANS_SERIF;
	}

}

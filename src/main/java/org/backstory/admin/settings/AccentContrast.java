package org.backstory.admin.settings;

import java.util.Locale;

/**
 * Whether an accent colour can be read where the pages use it: as white text on buttons
 * and as the colour of links on the page and on the panels (the paywall box), by WCAG 2's
 * contrast ratio. Body-size text needs 4.5:1 (level AA); the panel is the darkest
 * background links sit on, so a colour that passes there passes everywhere.
 */
final class AccentContrast {

	/** WCAG 2 level AA for text of body size. */
	static final double NEEDED = 4.5;

	/** The panel's background in site.css ({@code --panel}). */
	private static final int PANEL = 0xf5f1ea;

	private static final int WHITE = 0xffffff;

	private AccentContrast() {
	}

	/** The lower of the colour's ratios against white text and the panel, e.g. 5.75. */
	static double ratio(String hex) {
		int rgb = Integer.parseInt(hex.substring(1), 16);
		return Math.min(ratio(rgb, WHITE), ratio(rgb, PANEL));
	}

	/**
	 * The nearest darker shade of the colour that passes, as {@code #rrggbb}: the owner's
	 * hue kept, its channels scaled down together in 2 % steps.
	 */
	static String darkerThatPasses(String hex) {
		int rgb = Integer.parseInt(hex.substring(1), 16);
		for (int percent = 98; percent >= 0; percent -= 2) {
			int shade = scale(rgb, percent);
			if (Math.min(ratio(shade, WHITE), ratio(shade, PANEL)) >= NEEDED) {
				return String.format(Locale.ROOT, "#%06x", shade);
			}
		}
		return "#000000";
	}

	private static int scale(int rgb, int percent) {
		int r = (rgb >> 16 & 0xff) * percent / 100;
		int g = (rgb >> 8 & 0xff) * percent / 100;
		int b = (rgb & 0xff) * percent / 100;
		return r << 16 | g << 8 | b;
	}

	private static double ratio(int one, int other) {
		double a = luminance(one);
		double b = luminance(other);
		return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
	}

	/** WCAG 2's relative luminance of an sRGB colour. */
	private static double luminance(int rgb) {
		return 0.2126 * linear(rgb >> 16 & 0xff) + 0.7152 * linear(rgb >> 8 & 0xff) + 0.0722 * linear(rgb & 0xff);
	}

	private static double linear(int channel) {
		double c = channel / 255.0;
		return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
	}

}

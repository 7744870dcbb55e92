package org.backstory.publishing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Responsive {@code srcset}s for the site's own uploaded images, derived from the address
 * alone so that publishing needs nothing from the media module. The media module's naming
 * convention: a copy {@code /media/<yyyy>/<mm>/<name>-<w>.<jpg|png>} means copies exist
 * at every width of 480, 960 and 1600 below {@code w} (images are never upscaled, so
 * {@code w} may be below 1600). Any other address gets no {@code srcset}.
 */
public final class ResponsiveImages {

	/**
	 * How wide an image in an article shows: the full screen on a phone, the text column
	 * (42rem) beyond.
	 */
	public static final String SIZES = "(max-width: 800px) 100vw, 760px";

	/** Kept equal to the media module's copy widths. */
	private static final List<Integer> WIDTHS = List.of(480, 960, 1600);

	private static final Pattern COPY = Pattern
		.compile("((?:https?://[^/?#]+)?/media/[0-9]{4}/[0-9]{2}/[0-9a-f]{16}-)([0-9]{1,5})(\\.(?:jpg|png))");

	private ResponsiveImages() {
	}

	/**
	 * The {@code srcset} for an image address, if it is one of the site's uploaded
	 * copies.
	 */
	public static Optional<String> srcset(@Nullable String src) {
		if (src == null) {
			return Optional.empty();
		}
		Matcher copy = COPY.matcher(src);
		if (!copy.matches()) {
			return Optional.empty();
		}
		int largest = Integer.parseInt(copy.group(2));
		String prefix = copy.group(1);
		String extension = copy.group(3);
		List<Integer> widths = new ArrayList<>(WIDTHS.stream().filter(w -> w < largest).toList());
		widths.add(largest);
		return Optional
			.of(widths.stream().map(w -> prefix + w + extension + " " + w + "w").collect(Collectors.joining(", ")));
	}

	/**
	 * Gives every uploaded image under {@code root} its {@code srcset} and {@code sizes}.
	 */
	static void addTo(Element root) {
		for (Element img : root.select("img[src^=/media/]")) {
			srcset(img.attr("src")).ifPresent(srcset -> img.attr("srcset", srcset).attr("sizes", SIZES));
		}
	}

}

package org.backstory.media;

/**
 * An uploaded image as the editor uses it.
 *
 * @param url the largest copy, {@code /media/<yyyy>/<mm>/<name>-<width>.<jpg|png>}
 * @param srcset every copy with its width descriptor, smallest first, for an
 * {@code <img srcset>}
 * @param markdown the Markdown that shows the image, {@code ![](url)}
 * @param width the largest copy's width in pixels
 * @param height the largest copy's height in pixels
 */
public record StoredImage(String url, String srcset, String markdown, int width, int height) {
}

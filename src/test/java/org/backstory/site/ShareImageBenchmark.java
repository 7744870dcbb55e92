package org.backstory.site;

import java.util.Arrays;

/**
 * How long drawing one share image takes (Java2D and PNG encoding, no disk), after a
 * warm-up: {@code bench/share-image.sh}. A cached image costs only a file read, so this
 * is the price of the first request after a title changes.
 */
public final class ShareImageBenchmark {

	private ShareImageBenchmark() {
	}

	public static void main(String[] args) {
		int runs = args.length > 0 ? Integer.parseInt(args[0]) : 50;
		String title = "Inside the Port Anselm summits: how two rivals learned to share a table, and what they dodged";
		for (int i = 0; i < 10; i++) {
			ShareImagePainter.paint(new ShareDrawing(null, title + " warm-up " + i, "The Undercurrent", "#1f5f7a"));
		}
		long[] millis = new long[runs];
		int bytes = 0;
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			bytes = ShareImagePainter
				.paint(new ShareDrawing(null, title + " " + i, "The Undercurrent", "#1f5f7a")).length;
			millis[i] = (System.nanoTime() - start) / 1_000_000;
		}
		Arrays.sort(millis);
		System.out.printf("RESULT share_image runs=%d p50_ms=%d p95_ms=%d max_ms=%d png_bytes=%d%n", runs,
				millis[runs / 2], millis[(int) Math.ceil(runs * 0.95) - 1], millis[runs - 1], bytes);
	}

}

package org.backstory.admin.dashboard;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * What a chart shows.
 *
 * @param id unique on the page; the SVG's title and description are referred to by it
 * @param title what the chart is about, read out by screen readers too
 * @param description one sentence summing the figures up, for screen readers
 * @param xLabel the horizontal axis, e.g. {@code Day}
 * @param yLabel the vertical axis, e.g. {@code Members}
 * @param categories one label per point or group of bars, left to right
 * @param series the lines or bars
 * @param format writes an axis value, e.g. {@code 1,200} or {@code $50}
 */
record Chart(String id, String title, String description, String xLabel, String yLabel, List<String> categories,
		List<Series> series, DoubleFunction<String> format) {

	Chart {
		categories = List.copyOf(categories);
		series = List.copyOf(series);
		for (Series one : series) {
			if (one.values().size() != categories.size()) {
				throw new IllegalArgumentException("series " + one.name() + " has " + one.values().size()
						+ " values for " + categories.size() + " categories");
			}
		}
	}

}

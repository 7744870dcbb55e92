package org.backstory.admin.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

/**
 * Draws line and bar charts as inline SVG: a title and description for screen readers, a
 * vertical axis with round gridlines, a few dated labels along the bottom, axis titles
 * and a legend. It scales with its container (a {@code viewBox}) and needs no script.
 */
final class SvgCharts {

	static final int WIDTH = 640;

	static final int HEIGHT = 300;

	private static final int LEFT = 84;

	private static final int RIGHT = 16;

	private static final int TOP = 36;

	private static final int BOTTOM = 52;

	private static final int MAX_X_LABELS = 6;

	private static final int GRID_LINES = 4;

	private SvgCharts() {
	}

	/** One polyline per series. */
	static String line(Chart chart) {
		Frame frame = new Frame(chart, false);
		StringBuilder svg = frame.open();
		int count = chart.categories().size();
		for (Series series : chart.series()) {
			List<String> points = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				points.add(number(frame.x(i, count)) + "," + number(frame.y(series.values().get(i))));
			}
			svg.append("<polyline fill=\"none\" stroke-width=\"2.5\" stroke-linejoin=\"round\" stroke=\"")
				.append(escape(series.colour()))
				.append(series.dashed() ? "\" stroke-dasharray=\"6 4" : "")
				.append("\" points=\"")
				.append(String.join(" ", points))
				.append("\"><title>")
				.append(escape(series.name()))
				.append("</title></polyline>");
		}
		return frame.close(svg);
	}

	/** Bars side by side for each category, one per series. */
	static String bars(Chart chart) {
		Frame frame = new Frame(chart, true);
		StringBuilder svg = frame.open();
		int count = chart.categories().size();
		int seriesCount = chart.series().size();
		double slot = frame.plotWidth() / Math.max(count, 1);
		double barWidth = Math.max(1, slot * 0.8 / seriesCount);
		for (int s = 0; s < seriesCount; s++) {
			Series series = chart.series().get(s);
			svg.append("<g fill=\"").append(escape(series.colour())).append("\">");
			for (int i = 0; i < count; i++) {
				double value = series.values().get(i);
				double top = frame.y(value);
				double x = LEFT + slot * i + slot * 0.1 + barWidth * s;
				svg.append("<rect x=\"")
					.append(number(x))
					.append("\" y=\"")
					.append(number(top))
					.append("\" width=\"")
					.append(number(barWidth))
					.append("\" height=\"")
					.append(number(frame.baseline() - top))
					.append("\"><title>")
					.append(escape(
							series.name() + ", " + chart.categories().get(i) + ": " + chart.format().apply(value)))
					.append("</title></rect>");
			}
			svg.append("</g>");
		}
		return frame.close(svg);
	}

	/** The parts both kinds share: the scale, the axes, the labels and the legend. */
	private static final class Frame {

		private final Chart chart;

		private final boolean bars;

		private final double max;

		Frame(Chart chart, boolean bars) {
			this.chart = chart;
			this.bars = bars;
			double highest = chart.series()
				.stream()
				.flatMap(series -> series.values().stream())
				.mapToDouble(Double::doubleValue)
				.max()
				.orElse(0);
			this.max = niceStep(highest / GRID_LINES) * GRID_LINES;
		}

		double plotWidth() {
			return WIDTH - LEFT - RIGHT;
		}

		double baseline() {
			return HEIGHT - BOTTOM;
		}

		double x(int index, int count) {
			return count <= 1 ? LEFT + plotWidth() / 2 : LEFT + plotWidth() * index / (count - 1);
		}

		double y(double value) {
			return baseline() - (baseline() - TOP) * Math.max(value, 0) / max;
		}

		StringBuilder open() {
			String titleId = chart.id() + "-title";
			String descId = chart.id() + "-desc";
			StringBuilder svg = new StringBuilder();
			svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
				.append(WIDTH)
				.append(' ')
				.append(HEIGHT)
				.append("\" aria-labelledby=\"")
				.append(titleId)
				.append(' ')
				.append(descId)
				.append("\"><title id=\"")
				.append(titleId)
				.append("\">")
				.append(escape(chart.title()))
				.append("</title><desc id=\"")
				.append(descId)
				.append("\">")
				.append(escape(chart.description()))
				.append("</desc>");
			svg.append("<g class=\"grid\" font-size=\"14\" fill=\"#444\">");
			for (int i = 0; i <= GRID_LINES; i++) {
				double value = max * i / GRID_LINES;
				double y = y(value);
				svg.append("<line x1=\"")
					.append(LEFT)
					.append("\" x2=\"")
					.append(WIDTH - RIGHT)
					.append("\" y1=\"")
					.append(number(y))
					.append("\" y2=\"")
					.append(number(y))
					.append("\" stroke=\"")
					.append(i == 0 ? "#888" : "#e2e2e2")
					.append("\"/>");
				svg.append("<text x=\"")
					.append(LEFT - 8)
					.append("\" y=\"")
					.append(number(y + 4))
					.append("\" text-anchor=\"end\">")
					.append(escape(chart.format().apply(value)))
					.append("</text>");
			}
			int count = chart.categories().size();
			int step = Math.max(1, (int) Math.ceil((double) count / MAX_X_LABELS));
			for (int i = 0; i < count; i += step) {
				double x = bars ? LEFT + plotWidth() / Math.max(count, 1) * (i + 0.5) : x(i, count);
				svg.append("<text x=\"")
					.append(number(x))
					.append("\" y=\"")
					.append(number(baseline() + 18))
					.append("\" text-anchor=\"middle\">")
					.append(escape(chart.categories().get(i)))
					.append("</text>");
			}
			svg.append("<text x=\"")
				.append(number(LEFT + plotWidth() / 2))
				.append("\" y=\"")
				.append(HEIGHT - 6)
				.append("\" text-anchor=\"middle\" font-weight=\"600\">")
				.append(escape(chart.xLabel()))
				.append("</text>");
			svg.append("<text transform=\"translate(16 ")
				.append(number(TOP + (baseline() - TOP) / 2))
				.append(") rotate(-90)\" text-anchor=\"middle\" font-weight=\"600\">")
				.append(escape(chart.yLabel()))
				.append("</text>");
			svg.append("</g>");
			legend(svg);
			return svg;
		}

		String close(StringBuilder svg) {
			return svg.append("</svg>").toString();
		}

		private void legend(StringBuilder svg) {
			double x = LEFT;
			svg.append("<g class=\"legend\" font-size=\"14\" fill=\"#222\">");
			for (Series series : chart.series()) {
				svg.append("<line x1=\"")
					.append(number(x))
					.append("\" x2=\"")
					.append(number(x + 22))
					.append("\" y1=\"14\" y2=\"14\" stroke-width=\"4\" stroke=\"")
					.append(escape(series.colour()))
					.append(series.dashed() ? "\" stroke-dasharray=\"6 4" : "")
					.append("\"/>");
				svg.append("<text x=\"")
					.append(number(x + 28))
					.append("\" y=\"18\">")
					.append(escape(series.name()))
					.append("</text>");
				x += 44 + series.name().length() * 8.5;
			}
			svg.append("</g>");
		}

	}

	/**
	 * The smallest of 1, 2 or 5 times a power of ten at or above {@code value}, and at
	 * least 1.
	 */
	static double niceStep(double value) {
		if (value <= 1) {
			return 1;
		}
		double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
		for (double step : new double[] { 1, 2, 5 }) {
			if (step * magnitude >= value) {
				return step * magnitude;
			}
		}
		return 10 * magnitude;
	}

	private static String number(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text);
	}

}

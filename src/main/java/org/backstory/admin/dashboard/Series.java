package org.backstory.admin.dashboard;

import java.util.List;

/**
 * One line or one set of bars in a chart.
 *
 * @param name shown in the legend
 * @param colour a CSS colour
 * @param dashed drawn dashed (lines), so series differ by more than colour
 * @param values one per category, in the chart's unit
 */
record Series(String name, String colour, boolean dashed, List<Double> values) {

	Series {
		values = List.copyOf(values);
	}

}

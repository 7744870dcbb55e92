/**
 * The business dashboard: members, revenue, subscriptions and trials over time as
 * server-rendered SVG charts with their numbers as tables, and the articles readers
 * signed up and subscribed from.
 */
@NullMarked
package org.backstory.admin.dashboard;

import org.jspecify.annotations.NullMarked;

/**
 * The business dashboard: members, revenue, subscriptions and trials over time as
 * server-rendered SVG charts with their numbers as tables, the rates (churn, conversion,
 * MRR growth) with their definitions, and the articles readers signed up and subscribed
 * from and the revenue they brought.
 */
@NullMarked
package org.backstory.admin.dashboard;

import org.jspecify.annotations.NullMarked;

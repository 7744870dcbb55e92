/**
 * An article's engagement page for staff ({@code /admin/dashboard/articles/{id}}): what
 * one article brought, read through each module's public API (members, billing, access,
 * newsletters, publishing).
 */
@NullMarked
package org.backstory.admin.engagement;

import org.jspecify.annotations.NullMarked;

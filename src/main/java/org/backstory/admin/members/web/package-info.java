/**
 * The staff member pages: the list with its filters, a member's page, CSV export and
 * import. Editors read; administrators change (the security configuration's URL table;
 * the export checks the role itself).
 */
@NullMarked
package org.backstory.admin.members.web;

import org.jspecify.annotations.NullMarked;

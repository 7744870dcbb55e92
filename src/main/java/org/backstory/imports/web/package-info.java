/**
 * The import page at {@code /admin/import}: upload, the dry run, the confirmation, and
 * the list of comped members who must move to a card. Administrators and the owner (the
 * security configuration's URL table).
 */
@NullMarked
package org.backstory.imports.web;

import org.jspecify.annotations.NullMarked;

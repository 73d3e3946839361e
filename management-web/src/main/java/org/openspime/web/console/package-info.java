/**
 * The console's HTML pages. Every page is built with {@link org.openspime.web.console.Html}, which escapes
 * whatever it is given unless it is already {@code Html}; so the safe path is the short one and an
 * identity description such as {@code <script>} can only ever show as text.
 */
package org.openspime.web.console;

/** The {@code openspime} launcher: wires the subcommands of every module under one picocli root. */
package org.openspime.launcher;

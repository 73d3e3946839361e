/**
 * The {@code openspime spime} command (picocli): {@code keygen}, {@code publish-key}, {@code send}, {@code talk},
 * {@code listen}. Settings come from a properties file, then {@code OPENSPIME_*} environment variables, then command
 * options ({@link org.openspime.client.cli.CliSettings}); readings from {@code --value} options or JSON lines on
 * standard input ({@link org.openspime.client.cli.ReadingLines}). Formats: {@code docs/spime-client.md}.
 */
package org.openspime.client.cli;

/**
 * The certification service's logic, independent of transport and storage: what may be published,
 * attested, revoked and asked for, and who is told when a key changes.
 *
 * <p>The gate wires it in: its IQ handlers parse with {@code codec}, call
 * {@link org.openspime.certification.service.CertificationService}, and map any
 * {@link org.openspime.certification.CertificationException} to its stanza error; it implements
 * {@link org.openspime.certification.service.PublishedKeyStore} on its database and pushes
 * {@link org.openspime.certification.service.KeyChange}s to the subscribers recorded in
 * {@link org.openspime.certification.service.KeySubscriptions}.
 */
package org.openspime.certification.service;

/**
 * XML for the certification elements: pure functions from values to XML strings and back, so that the
 * gate (Vysper) and the clients (Smack) can wire them into their own stanza handling.
 *
 * <p>Writers produce one exact form (single-quoted attributes, no insignificant whitespace), which the
 * tests pin. Readers take a String or a StAX {@link javax.xml.stream.XMLStreamReader} positioned on the
 * element's start tag and leave it on the matching end tag, the way Smack providers work. Parsing is
 * namespace-aware and refuses DTDs and entity declarations outright, so no input can reach the file
 * system or expand into a billion laughs. Every failure is a
 * {@link org.openspime.certification.MalformedElementException} (or its
 * {@link org.openspime.certification.MalformedKeyException} subclass for bad key material) whose message
 * names the element and the part that is wrong.
 */
package org.openspime.certification.codec;

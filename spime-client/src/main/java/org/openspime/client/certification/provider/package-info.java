/**
 * Smack providers for the certification stanzas, registered with Smack's {@code ProviderManager} by
 * {@link org.openspime.client.certification.provider.CertificationProviders#register()}.
 *
 * <p>Each provider hands the element to a certification codec. Smack offers its own pull parser
 * ({@code XmlPullParser}, over StAX or XPP3) positioned on the element; the codecs read a StAX
 * {@code XMLStreamReader} or a string. The providers take the string route: Smack's
 * {@code PacketParserUtils.parseElement(parser, true)} re-serializes exactly this element, with every element's
 * namespace declared and text and attributes escaped, and leaves the parser on its end tag as Smack requires;
 * the codec then parses that text with its own hardened StAX reader. No element, attribute or character is lost
 * on the way (the codecs read nothing else: no comments, no prefixes), and the protocol's XML rules stay in one
 * place. The cost, one extra small serialization per answer, is negligible next to the round trip.
 */
package org.openspime.client.certification.provider;

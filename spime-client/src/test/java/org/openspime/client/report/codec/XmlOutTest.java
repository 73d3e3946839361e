package org.openspime.client.report.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The escaping the signed data document depends on, byte for byte, including after a run of plain text. */
class XmlOutTest {

    @Test
    void textAfterAPlainRunIsEscapedAsBefore() {
        String xml = new XmlOut().open("t").text("QUJD+/==abc<d>&e'f\tg\nh\ri").close("t").xml();
        assertEquals("<t>QUJD+/==abc&lt;d&gt;&amp;e'f\tg\nh&#13;i</t>", xml);
    }

    @Test
    void attributeValuesEscapeQuotesTabsAndLineBreaks() {
        String xml = new XmlOut().open("t").attr("a", "plain then 'q'\t\n\r<&>").close("t").xml();
        assertEquals("<t a='plain then &apos;q&apos;&#9;&#10;&#13;&lt;&amp;&gt;'/>", xml);
    }

    @Test
    void plainTextIsCopiedWhole() {
        String base64 = "A".repeat(10_000) + "+/=";
        assertEquals("<p>" + base64 + "</p>", new XmlOut().open("p").text(base64).close("p").xml());
    }

    @Test
    void charactersXmlCannotHoldAreStillRefusedAfterAPlainRun() {
        assertThrows(IllegalArgumentException.class, () -> new XmlOut().open("t").text("abc\u0001"));
        assertThrows(IllegalArgumentException.class, () -> new XmlOut().open("t").text("abc\uFFFF"));
    }
}

package org.openspime.scopenode.http;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 CSV: a field holding a comma, a double quote, CR or LF is quoted, with its double quotes doubled;
 * records end with CRLF. Nulls are empty fields.
 */
final class Csv {

    private Csv() {
    }

    static void record(Writer out, List<?> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            Object f = fields.get(i);
            if (f != null) {
                out.write(field(f.toString()));
            }
        }
        out.write("\r\n");
    }

    static String field(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return '"' + text.replace("\"", "\"\"") + '"';
            }
        }
        return text;
    }
}

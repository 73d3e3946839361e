package org.openspime.web.console;

import java.util.Collection;
import java.util.function.Function;

/**
 * A fragment of trusted markup. {@link #html} fills {@code {}} holes in a template written in this code:
 * an argument that is already {@code Html} goes in as is, anything else is escaped. There is no other way
 * to make an {@code Html} from a runtime string, which is what keeps escaping from being forgotten.
 */
public final class Html {

    private static final Html EMPTY = new Html("");
    private final String markup;

    private Html(String markup) {
        this.markup = markup;
    }

    /** Fills each {@code {}} in {@code template} with the next argument, escaping non-{@code Html} ones. */
    public static Html html(String template, Object... args) {
        StringBuilder out = new StringBuilder(template.length() + 64);
        int next = 0;
        int from = 0;
        int hole;
        while ((hole = template.indexOf("{}", from)) >= 0) {
            if (next >= args.length) {
                throw new IllegalArgumentException("more holes than arguments in: " + template);
            }
            out.append(template, from, hole);
            Object arg = args[next++];
            out.append(arg instanceof Html h ? h.markup : escape(arg == null ? "" : String.valueOf(arg)));
            from = hole + 2;
        }
        if (next != args.length) {
            throw new IllegalArgumentException("more arguments than holes in: " + template);
        }
        out.append(template, from, template.length());
        return new Html(out.toString());
    }

    public static Html empty() {
        return EMPTY;
    }

    /** Concatenates one fragment per item. */
    public static <T> Html each(Collection<T> items, Function<T, Html> fragment) {
        StringBuilder out = new StringBuilder();
        for (T item : items) {
            out.append(fragment.apply(item).markup);
        }
        return new Html(out.toString());
    }

    public static Html join(Html... parts) {
        StringBuilder out = new StringBuilder();
        for (Html p : parts) {
            out.append(p.markup);
        }
        return new Html(out.toString());
    }

    /** Escapes text for element content and for quoted attribute values alike. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return markup;
    }
}

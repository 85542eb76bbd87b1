package fr.jalon.platform.templates;

import org.apache.velocity.app.event.implement.EscapeReference;

/**
 * Escapes what HTML needs escaped (&amp; &lt; &gt; &quot; &#39;) in every inserted value, and
 * leaves accented letters alone: French mails stay readable in their source and small.
 */
final class HtmlEscape extends EscapeReference {

    @Override
    protected String escape(Object text) {
        String value = String.valueOf(text);
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
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
    protected String getMatchAttribute() {
        return "eventhandler.escape.html.match";
    }
}

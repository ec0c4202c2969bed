package org.supportgate.gateway.intake;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Readable text from an HTML body: text nodes in order, a line break at block boundaries, nothing
 * from scripts or styles. No markup survives, so the result is safe to show as plain text.
 */
final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "table", "h1", "h2", "h3",
            "h4", "h5", "h6", "blockquote", "pre", "hr", "ul", "ol", "section", "article", "header", "footer");
    /** Elements that start a new line but, unlike blocks, not a paragraph: list items stay together. */
    private static final Set<String> LINES = Set.of("br", "li", "tr");
    /** Table cells: their texts would otherwise run into one word. */
    private static final Set<String> CELLS = Set.of("td", "th");
    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "title", "template");

    private HtmlText() {}

    static String of(String html) {
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t && !insideSkipped(t)) {
                    appendCollapsed(text, t.getWholeText());
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    newline(text);
                } else if (node instanceof Element e && LINES.contains(e.normalName())) {
                    startLine(text);
                } else if (node instanceof Element e && CELLS.contains(e.normalName())) {
                    appendCollapsed(text, " ");
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    newline(text);
                }
            }
        }, Jsoup.parse(html));
        return text.toString().strip();
    }

    private static boolean insideSkipped(TextNode node) {
        for (Node parent = node.parentNode(); parent != null; parent = parent.parentNode()) {
            if (parent instanceof Element e && SKIPPED.contains(e.normalName())) {
                return true;
            }
        }
        return false;
    }

    /** Whitespace runs become one space; no space at the start of a line. Linear, no regex. */
    private static void appendCollapsed(StringBuilder text, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                if (!text.isEmpty() && text.charAt(text.length() - 1) != ' ' && text.charAt(text.length() - 1) != '\n') {
                    text.append(' ');
                }
            } else {
                text.append(c);
            }
        }
    }

    /** Ends the line unless it is empty, so that a line element never makes a blank line. */
    private static void startLine(StringBuilder text) {
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            newline(text);
        }
    }

    /** Ends the line (dropping a trailing space); never more than one blank line in a row. */
    private static void newline(StringBuilder text) {
        if (!text.isEmpty() && text.charAt(text.length() - 1) == ' ') {
            text.setLength(text.length() - 1);
        }
        int length = text.length();
        boolean blankLineAlready = length >= 2 && text.charAt(length - 1) == '\n' && text.charAt(length - 2) == '\n';
        if (!text.isEmpty() && !blankLineAlready) {
            text.append('\n');
        }
    }
}

package org.supportgate.auth.dmarc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A small RFC 5322 address-list parser that keeps only what DMARC needs: the domain of each
 * mailbox. Comments, display names, quoted strings, groups and the obsolete route syntax are
 * understood; anything else is refused. Plain parsing, linear in the input, bounded nesting.
 */
final class AddressListParser {

    private static final int MAX_COMMENT_DEPTH = 16;
    private static final int MAX_TOKENS = 2048;

    private enum Kind { ATOM, QUOTED, LITERAL, SPECIAL }

    private record Token(Kind kind, String text) {
        boolean is(char special) {
            return kind == Kind.SPECIAL && text.charAt(0) == special;
        }
    }

    /** Thrown inside the parser only; {@link #parse()} turns it into a {@link FromDomains.Rejected}. */
    private static final class Refusal extends Exception {
        final FromDomains.FromProblem problem;

        Refusal(FromDomains.FromProblem problem, String detail) {
            super(detail, null, false, false);
            this.problem = problem;
        }
    }

    private final String input;
    private List<Token> tokens = List.of();
    private int pos;

    AddressListParser(String input) {
        this.input = input;
    }

    FromDomains parse() {
        try {
            tokens = tokenize(input);
            List<String> domains = addressList();
            if (domains.isEmpty()) {
                return new FromDomains.Rejected(FromDomains.FromProblem.NO_ADDRESS, "");
            }
            return new FromDomains.Extracted(domains);
        } catch (Refusal refusal) {
            return new FromDomains.Rejected(refusal.problem, refusal.getMessage());
        }
    }

    // address-list = (address *("," address)) / obs-addr-list
    private List<String> addressList() throws Refusal {
        List<String> domains = new ArrayList<>();
        while (pos < tokens.size()) {
            if (peek().is(',')) {
                pos++; // obs-addr-list allows empty elements
                continue;
            }
            address(domains);
            if (pos < tokens.size() && !peek().is(',')) {
                throw malformed("unexpected '" + peek().text() + "' after an address");
            }
        }
        return domains;
    }

    // address = mailbox / group;  group = display-name ":" [group-list] ";"
    private void address(List<String> domains) throws Refusal {
        int start = pos;
        skipPhrase();
        if (pos < tokens.size() && peek().is(':')) {
            if (pos == start) {
                throw malformed("group without a display name");
            }
            pos++;
            while (pos < tokens.size() && !peek().is(';')) {
                if (peek().is(',')) {
                    pos++;
                    continue;
                }
                mailbox(domains);
                if (pos < tokens.size() && !peek().is(',') && !peek().is(';')) {
                    throw malformed("unexpected '" + peek().text() + "' in a group");
                }
            }
            if (pos >= tokens.size()) {
                throw malformed("group not closed with ';'");
            }
            pos++;
            return;
        }
        pos = start;
        mailbox(domains);
    }

    // mailbox = name-addr / addr-spec;  name-addr = [display-name] angle-addr
    private void mailbox(List<String> domains) throws Refusal {
        int start = pos;
        skipPhrase();
        if (pos < tokens.size() && peek().is('<')) {
            pos++;
            skipObsoleteRoute();
            domains.add(addrSpecUntil('>'));
            pos++; // the '>'
            return;
        }
        pos = start;
        domains.add(addrSpecUntil(','));
    }

    /** Display-name words (atoms, quoted strings, and the obsolete '.' in phrases). */
    private void skipPhrase() {
        while (pos < tokens.size()) {
            Token t = peek();
            if (t.kind() == Kind.ATOM || t.kind() == Kind.QUOTED || t.is('.')) {
                pos++;
            } else {
                return;
            }
        }
    }

    // obs-route = obs-domain-list ":" ; e.g. <@relay.example,@b.example:user@example.com>
    private void skipObsoleteRoute() throws Refusal {
        if (pos >= tokens.size() || !peek().is('@')) {
            return;
        }
        while (pos < tokens.size() && !peek().is(':')) {
            if (peek().is('>')) {
                throw malformed("route without ':'");
            }
            pos++;
        }
        pos++; // the ':'
    }

    /**
     * addr-spec = local-part "@" domain, read up to {@code end} (or ';' or the end of input when
     * {@code end} is ','), returning the normalised domain.
     */
    private String addrSpecUntil(char end) throws Refusal {
        int localStart = pos;
        while (pos < tokens.size() && !peek().is('@') && !atEnd(end)) {
            Token t = peek();
            if (t.kind() != Kind.ATOM && t.kind() != Kind.QUOTED && !t.is('.')) {
                throw malformed("unexpected '" + t.text() + "' in a local part");
            }
            pos++;
        }
        if (pos >= tokens.size() || !peek().is('@')) {
            if (end == '>' && pos >= tokens.size()) {
                throw malformed("'<' without '>'");
            }
            throw new Refusal(FromDomains.FromProblem.NO_DOMAIN, "no '@'");
        }
        if (pos == localStart) {
            throw malformed("empty local part");
        }
        pos++; // the '@'
        StringBuilder domain = new StringBuilder();
        boolean expectLabel = true;
        while (pos < tokens.size() && !atEnd(end)) {
            Token t = peek();
            if (t.kind() == Kind.LITERAL) {
                throw new Refusal(FromDomains.FromProblem.NO_DOMAIN, "address literal");
            }
            if (expectLabel && t.kind() == Kind.ATOM) {
                domain.append(t.text());
            } else if (!expectLabel && t.is('.')) {
                domain.append('.');
            } else {
                throw malformed("unexpected '" + t.text() + "' in a domain");
            }
            expectLabel = !expectLabel;
            pos++;
        }
        if (end == '>' && (pos >= tokens.size() || !peek().is('>'))) {
            throw malformed("'<' without '>'");
        }
        if (domain.isEmpty() || expectLabel) {
            throw new Refusal(FromDomains.FromProblem.NO_DOMAIN, "empty or dotted domain");
        }
        Optional<String> normalised = DomainName.normalise(domain.toString());
        if (normalised.isEmpty()) {
            throw new Refusal(FromDomains.FromProblem.INVALID_DOMAIN, "");
        }
        return normalised.get();
    }

    private boolean atEnd(char end) {
        Token t = peek();
        return end == '>' ? t.is('>') : t.is(',') || t.is(';');
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private static Refusal malformed(String detail) {
        return new Refusal(FromDomains.FromProblem.MALFORMED, detail);
    }

    private static List<Token> tokenize(String s) throws Refusal {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            if (out.size() > MAX_TOKENS) {
                throw new Refusal(FromDomains.FromProblem.TOO_LONG, "too many tokens");
            }
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++; // unfolding: CRLF followed by WSP is whitespace
            } else if (c == '(') {
                i = skipComment(s, i);
            } else if (c == '"') {
                int end = delimited(s, i, '"');
                out.add(new Token(Kind.QUOTED, s.substring(i + 1, end)));
                i = end + 1;
            } else if (c == '[') {
                int end = delimited(s, i, ']');
                out.add(new Token(Kind.LITERAL, s.substring(i, end + 1)));
                i = end + 1;
            } else if ("<>:;@,.".indexOf(c) >= 0) {
                out.add(new Token(Kind.SPECIAL, String.valueOf(c)));
                i++;
            } else if (isAtext(c)) {
                int start = i;
                while (i < s.length() && isAtext(s.charAt(i))) {
                    i++;
                }
                out.add(new Token(Kind.ATOM, s.substring(start, i)));
            } else {
                throw malformed(c < 0x20 || c == 0x7f ? "control character" : "stray '" + c + "'");
            }
        }
        return out;
    }

    /** The index of the closing {@code close}, honouring quoted-pairs. */
    private static int delimited(String s, int open, char close) throws Refusal {
        for (int i = open + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == close) {
                return i;
            }
        }
        throw malformed("unterminated " + s.charAt(open));
    }

    /** The index after a (possibly nested) comment starting at {@code open}. */
    private static int skipComment(String s, int open) throws Refusal {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                if (++depth > MAX_COMMENT_DEPTH) {
                    throw malformed("comments nested too deep");
                }
            } else if (c == ')') {
                if (--depth == 0) {
                    return i + 1;
                }
            }
        }
        throw malformed("unterminated comment");
    }

    /** RFC 5322 atext, plus any non-ASCII character (RFC 6532 UTF-8 headers). */
    private static boolean isAtext(char c) {
        if (c >= 0x80) {
            return !Character.isISOControl(c) && !Character.isWhitespace(c);
        }
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0;
    }
}

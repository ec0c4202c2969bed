package org.supportgate.auth.results;

/**
 * One propspec of RFC 8601 section 2.2: {@code ptype.property=value}, e.g.
 * {@code smtp.mailfrom=bounce@example.com} or {@code header.d=example.com}. The type and name come
 * from our code and must be keywords; the value usually comes from the message and is quoted as
 * needed when rendered.
 */
public record Property(String ptype, String property, String value) {

    public Property {
        Grammar.requireKeyword("ptype", ptype);
        Grammar.requireKeyword("property", property);
        if (value == null) {
            throw new IllegalArgumentException("value must not be null");
        }
    }

    /** {@code smtp.<property>}: smtp.mailfrom, smtp.helo, smtp.rcptto. */
    public static Property smtp(String property, String value) {
        return new Property("smtp", property, value);
    }

    /** {@code header.<property>}: header.from, header.d, header.s, header.b, header.i. */
    public static Property header(String property, String value) {
        return new Property("header", property, value);
    }

    /** {@code policy.<property>}, e.g. policy.dmarc (RFC 8601 section 2.7.x registry entries). */
    public static Property policy(String property, String value) {
        return new Property("policy", property, value);
    }
}

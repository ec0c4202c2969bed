package org.supportgate.auth.dns;

import org.xbill.DNS.Type;

/** The record types {@link DnsResolver} asks for, with their DNS type codes. */
enum QueryType {
    TXT(Type.TXT),
    A(Type.A),
    AAAA(Type.AAAA),
    MX(Type.MX),
    PTR(Type.PTR);

    private final int code;

    QueryType(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }
}

package org.supportgate.auth.dns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TextParseException;

/**
 * A resolver that answers from master-file text (RFC 1035 section 5) instead of the network: for
 * tests and for the operator's offline {@code check} tool. Answers as a recursive resolver would:
 * CNAMEs are followed, a name with no records at or below it is NXDOMAIN, one without records of
 * the asked type is NODATA, and a CNAME loop is a temporary error.
 */
public final class ZoneFileResolver extends TypedLookups {

    private final Zone zone;

    private ZoneFileResolver(Zone zone) {
        this.zone = zone;
    }

    /**
     * Parses zone text; names without a trailing dot are relative to the root, {@code $ORIGIN} and
     * {@code $TTL} work as usual, {@code $INCLUDE} is refused.
     *
     * @throws IllegalArgumentException if the text does not parse
     */
    public static ZoneFileResolver fromText(String text) {
        return new ZoneFileResolver(Zone.parse(text));
    }

    /** Reads a zone file (UTF-8); see {@link #fromText(String)}. */
    public static ZoneFileResolver fromFile(Path file) throws IOException {
        return fromText(Files.readString(file, StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    @Override
    <T> DnsAnswer<T> lookup(String name, QueryType type) {
        Name question;
        try {
            question = Name.fromString(StaticDnsResolver.normalise(name), Name.root);
        } catch (TextParseException e) {
            // A name that cannot be written on the wire cannot exist.
            return new DnsAnswer.NxDomain<>();
        }
        Zone.Resolution resolution = zone.resolve(question, type.code());
        return switch (resolution.rcode()) {
            case Rcode.NOERROR -> DnsAnswer.of((List<T>) (List<?>) RecordValues.of(type, resolution.answer()));
            case Rcode.NXDOMAIN -> new DnsAnswer.NxDomain<>();
            default -> new DnsAnswer.TempError<>("CNAME loop or chain longer than "
                    + Zone.MAX_CNAME_CHAIN + " at " + name);
        };
    }
}

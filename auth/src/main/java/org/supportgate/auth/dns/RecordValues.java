package org.supportgate.auth.dns;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;

/** Turns dnsjava records into the typed values of {@link DnsResolver}. */
final class RecordValues {

    private RecordValues() {}

    /** The values of the records of {@code type} in {@code records}; others are skipped. */
    static List<Object> of(QueryType type, List<Record> records) {
        List<Object> values = new ArrayList<>();
        for (Record record : records) {
            if (record.getType() != type.code()) {
                continue;
            }
            values.add(switch (type) {
                case TXT -> text((TXTRecord) record);
                case A -> ((ARecord) record).getAddress();
                case AAAA -> ((AAAARecord) record).getAddress();
                case MX -> new MxRecord(((MXRecord) record).getPriority(),
                        hostName(((MXRecord) record).getTarget()));
                case PTR -> hostName(((PTRRecord) record).getTarget());
            });
        }
        return values;
    }

    /**
     * A TXT record's character-strings joined with nothing between (RFC 7208 section 3.3). The
     * bytes are read as UTF-8 if they are valid UTF-8, else as ISO-8859-1, so that every byte
     * survives as one character and a checker can reject what it does not allow.
     */
    static String text(TXTRecord record) {
        int length = 0;
        List<byte[]> strings = record.getStringsAsByteArrays();
        for (byte[] s : strings) {
            length += s.length;
        }
        ByteBuffer joined = ByteBuffer.allocate(length);
        strings.forEach(joined::put);
        byte[] bytes = joined.array();
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** Absolute name without the trailing dot, lower-cased; the root becomes "". */
    static String hostName(Name name) {
        String text = name.toString(true);
        return text.equals(".") ? "" : text.toLowerCase(Locale.ROOT);
    }
}

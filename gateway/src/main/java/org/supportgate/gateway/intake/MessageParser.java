package org.supportgate.gateway.intake;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.message.MaximalBodyDescriptor;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.apache.james.mime4j.util.ByteSequence;
import org.apache.james.mime4j.util.CharsetUtil;
import org.apache.james.mime4j.util.ContentUtil;
import org.supportgate.ticketing.ticket.AttachmentData;

/**
 * Reads a message into a {@link MessageSummary} with Mime4j's streaming parser. Broken MIME is
 * not an error: the parser keeps what it can read and lists the rest as defects. Every limit of
 * {@link IntakeProperties.Limits} stops the parse where it is reached, with a defect naming it.
 */
final class MessageParser {

    private static final int MAX_DEFECTS = 50;
    private static final int MAX_FIELD_CHARS = 8 * 1024;

    private final IntakeProperties.Limits limits;

    MessageParser(IntakeProperties.Limits limits) {
        this.limits = limits;
    }

    /** The summary and the attachments' content, for the ticket. */
    record ParsedMessage(MessageSummary summary, List<AttachmentData> attachments) {}

    MessageSummary parse(byte[] raw) {
        return read(raw).summary();
    }

    ParsedMessage read(byte[] raw) {
        Collector collector = new Collector();
        MimeConfig config = MimeConfig.custom()
                .setStrictParsing(false)
                .setMaxHeaderCount(limits.maxHeaderCount())
                .setMaxHeaderLen((int) limits.maxHeaderLength().toBytes())
                .setMaxLineLen(-1)
                .setMaxContentLen(-1)
                .build();
        DecodeMonitor monitor = new DecodeMonitor() {
            @Override
            public boolean warn(String message, String dummy) {
                collector.defect(message);
                return false;
            }

            @Override
            public boolean isListening() {
                return true;
            }
        };
        MimeStreamParser parser = new MimeStreamParser(config, monitor, new DefaultBodyDescriptorBuilder(null, null, monitor));
        parser.setContentDecoding(true);
        parser.setContentHandler(collector);
        recordForbiddenBytes(raw, collector);
        try {
            parser.parse(new ByteArrayInputStream(raw));
        } catch (LimitReached e) {
            // Already recorded as a defect where the limit was met.
        } catch (MimeException | IOException e) {
            collector.defect("parsing stopped: " + e.getMessage());
        }
        return new ParsedMessage(collector.summary(), List.copyOf(collector.attachmentContents));
    }

    /**
     * Thrown from the handler to end the parse at a limit. {@link MimeStreamParser#stop()} does not
     * end it: the stopped parser still walks the rest of the input, and 100 parts past the part limit
     * kept it busy for over two minutes (5,000 parts: over ten), a worker held hostage by one message.
     */
    private static final class LimitReached extends MimeException {

        LimitReached(String reason) {
            super(reason);
        }
    }

    /** Receives the parser's events; one instance per message. */
    private final class Collector extends AbstractContentHandler {

        private final Map<String, String> topFields = new LinkedHashMap<>();
        private final List<MessageSummary.Attachment> attachments = new ArrayList<>();
        private final List<AttachmentData> attachmentContents = new ArrayList<>();
        private final List<String> defects = new ArrayList<>();
        private final Deque<Map<String, String>> entityFields = new ArrayDeque<>();
        private int depth;
        private int headerCount;
        private int partCount;
        private int fromCount;
        private String plainText;
        private String htmlText;
        private boolean textTruncated;

        @Override
        public void startHeader() {
            entityFields.push(new LinkedHashMap<>());
        }

        @Override
        public void field(Field field) {
            String name = field.getName().toLowerCase(Locale.ROOT);
            String value = unfold(decodeRaw(field.getRaw()), field.getName().length());
            entityFields.peek().putIfAbsent(name, value);
            if (entityFields.size() == 1) {
                headerCount++;
                if (name.equals("from")) {
                    fromCount++;
                }
                topFields.putIfAbsent(name, value);
            }
        }

        /** Multiparts and embedded messages both nest; either counts as a level. */
        @Override
        public void startMessage() throws MimeException {
            enterLevel();
        }

        @Override
        public void endMessage() {
            depth--;
            entityFields.poll();
        }

        @Override
        public void startMultipart(BodyDescriptor bd) throws MimeException {
            enterLevel();
        }

        @Override
        public void endMultipart() {
            depth--;
        }

        private void enterLevel() throws LimitReached {
            depth++;
            if (depth > limits.maxMimeDepth()) {
                stop("MIME nesting deeper than " + limits.maxMimeDepth() + " levels; the rest is not parsed");
            }
        }

        @Override
        public void startBodyPart() throws MimeException {
            partCount++;
            if (partCount > limits.maxParts()) {
                stop("more than " + limits.maxParts() + " MIME parts; the rest is not parsed");
            }
        }

        @Override
        public void endBodyPart() {
            entityFields.poll();
        }

        @Override
        public void body(BodyDescriptor bd, InputStream is) throws IOException {
            MaximalBodyDescriptor descriptor = (MaximalBodyDescriptor) bd;
            String mimeType = descriptor.getMimeType().toLowerCase(Locale.ROOT);
            if (declaresMultipart() && !mimeType.startsWith("multipart/")) {
                // Mime4j reads a multipart without a boundary as text/plain and says nothing.
                defect("multipart without a boundary parameter; read as " + mimeType);
            }
            String filename = filename(descriptor);
            boolean attachment = "attachment".equalsIgnoreCase(descriptor.getContentDispositionType()) || filename != null;
            if (!attachment && mimeType.equals("text/plain") && plainText == null) {
                plainText = readText(is, descriptor.getCharset());
            } else if (!attachment && mimeType.equals("text/html") && htmlText == null) {
                htmlText = readText(is, descriptor.getCharset());
            } else if (attachment || !mimeType.startsWith("text/")) {
                byte[] content = is.readAllBytes();
                attachments.add(new MessageSummary.Attachment(filename, mimeType, content.length));
                attachmentContents.add(new AttachmentData(
                        filename == null ? "attachment" : filename, mimeType, content));
            }
        }

        private String filename(MaximalBodyDescriptor descriptor) {
            String name = descriptor.getContentDispositionFilename();
            if (name == null) {
                name = contentTypeParameter("name");
            }
            return name == null ? null : limit(DecoderUtil.decodeEncodedWords(name, DecodeMonitor.SILENT));
        }

        private boolean declaresMultipart() {
            Map<String, String> fields = entityFields.peek();
            String contentType = fields == null ? null : fields.get("content-type");
            return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
        }

        private String contentTypeParameter(String parameter) {
            Map<String, String> fields = entityFields.peek();
            String contentType = fields == null ? null : fields.get("content-type");
            if (contentType == null) {
                return null;
            }
            ByteSequence bytes = ContentUtil.encode(contentType);
            for (NameValuePair pair : RawFieldParser.DEFAULT.parseParameters(bytes,
                    new org.apache.james.mime4j.stream.ParserCursor(0, bytes.length()))) {
                if (pair.getName().equalsIgnoreCase(parameter)) {
                    return pair.getValue();
                }
            }
            return null;
        }

        private String readText(InputStream is, String charsetName) throws IOException {
            long max = limits.maxTextBody().toBytes();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            int n;
            while ((n = is.read(buffer)) != -1) {
                if (total < max) {
                    out.write(buffer, 0, (int) Math.min(n, max - total));
                }
                total += n;
            }
            if (total > max) {
                textTruncated = true;
                defect("text body longer than " + max + " bytes; the rest is not kept");
            }
            return decodeText(out.toByteArray(), charsetName);
        }

        private String decodeText(byte[] bytes, String charsetName) {
            Charset charset = charsetName == null ? StandardCharsets.US_ASCII : CharsetUtil.lookup(charsetName);
            if (charset == null) {
                defect("unknown charset " + limit(charsetName) + "; read as UTF-8");
                charset = StandardCharsets.UTF_8;
            }
            if (charset.equals(StandardCharsets.US_ASCII)) {
                charset = StandardCharsets.UTF_8; // 8-bit text without a charset is nearly always UTF-8
            }
            try {
                return charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                defect("text is not valid " + charset.name() + "; undecodable bytes replaced");
                return new String(bytes, charset);
            }
        }

        private void stop(String reason) throws LimitReached {
            defect(reason);
            throw new LimitReached(reason);
        }

        void defect(String message) {
            if (defects.size() < MAX_DEFECTS) {
                defects.add(limit(message));
            }
        }

        MessageSummary summary() {
            if (headerCount == 0) {
                defect("no header fields");
            }
            if (fromCount > 1) {
                defect(fromCount + " From header fields");
            }
            String textBody;
            String textSource;
            if (plainText != null) {
                textBody = plainText;
                textSource = "text/plain";
            } else if (htmlText != null) {
                textBody = HtmlText.of(htmlText);
                textSource = "text/html";
            } else {
                textBody = "";
                textSource = "none";
            }
            return new MessageSummary(
                    decoded("from"), decoded("reply-to"), decoded("sender"), decoded("to"), decoded("cc"),
                    decoded("subject"), plain("message-id"), plain("in-reply-to"), plain("references"),
                    plain("date"), plain("auto-submitted"), plain("precedence"), plain("list-id"),
                    plain("list-unsubscribe"), plain("x-auto-response-suppress"), plain("x-supportgate-loop"),
                    textBody, textSource, textTruncated, attachments, headerCount, partCount, defects);
        }

        private String plain(String name) {
            return topFields.get(name);
        }

        private String decoded(String name) {
            String value = topFields.get(name);
            return value == null ? null : DecoderUtil.decodeEncodedWords(value, DecodeMonitor.SILENT);
        }
    }

    /**
     * What Mime4j reads past without a word: NUL bytes, which RFC 5322 forbids anywhere, and LF
     * without CR, the line end that SMTP smuggling relies on. One pass over the bytes.
     */
    private static void recordForbiddenBytes(byte[] raw, Collector collector) {
        boolean nul = false;
        boolean bareLf = false;
        for (int i = 0; i < raw.length && !(nul && bareLf); i++) {
            if (raw[i] == 0) {
                nul = true;
            } else if (raw[i] == '\n' && (i == 0 || raw[i - 1] != '\r')) {
                bareLf = true;
            }
        }
        if (nul) {
            collector.defect("NUL bytes in the message");
        }
        if (bareLf) {
            collector.defect("bare LF line ends (not CRLF)");
        }
    }

    /** Header bytes as text: UTF-8 when valid (RFC 6532), else Latin-1 so no byte is lost. */
    private static String decodeRaw(ByteSequence raw) {
        byte[] bytes = raw.toByteArray();
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** The field body after "Name:", with folding line breaks removed and ends trimmed. */
    private static String unfold(String rawField, int nameLength) {
        int colon = rawField.indexOf(':', Math.min(nameLength, rawField.length()));
        String body = colon < 0 ? "" : rawField.substring(colon + 1);
        StringBuilder out = new StringBuilder(Math.min(body.length(), MAX_FIELD_CHARS));
        for (int i = 0; i < body.length() && out.length() < MAX_FIELD_CHARS; i++) {
            char c = body.charAt(i);
            if (c != '\r' && c != '\n') {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    private static String limit(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }
}

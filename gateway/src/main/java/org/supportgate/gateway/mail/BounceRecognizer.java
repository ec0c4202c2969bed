package org.supportgate.gateway.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.supportgate.ticketing.outbox.BounceReport;

/**
 * Recognises delivery status notifications (RFC 3464) about our messages: a
 * {@code multipart/report; report-type=delivery-status} whose {@code message/delivery-status}
 * part gives each recipient's Action, Status and Diagnostic-Code, and whose returned headers
 * ({@code text/rfc822-headers} or {@code message/rfc822}) name our Message-ID. A null-sender
 * message to one of our VERP addresses ({@code <local>+bounce-<token>@...}) is a bounce too, even
 * without a report (many old MTAs send plain text).
 *
 * <p>Bounded: the report is read only from the first {@link #MAX_PARSED} bytes, at most
 * {@link #MAX_PARTS} parts, {@link #MAX_STATUS_BYTES} of status fields, {@link #MAX_RECIPIENTS}
 * recipients. Hand-written field parsing, no regular expressions.
 */
public final class BounceRecognizer {

    static final int MAX_PARSED = 2 * 1024 * 1024;
    static final int MAX_PARTS = 20;
    static final int MAX_STATUS_BYTES = 64 * 1024;
    static final int MAX_RECIPIENTS = 100;
    static final String VERP_MARK = "+bounce-";

    private final Session session = Session.getInstance(new Properties());
    private final String verpLocalPart;

    /** @param verpLocalPart the local part our VERP addresses start with ({@code support}) */
    public BounceRecognizer(String verpLocalPart) {
        this.verpLocalPart = verpLocalPart.toLowerCase(Locale.ROOT);
    }

    public BounceRecognition recognize(byte[] raw, String mailFrom, List<String> rcptTo) {
        String verpToken = verpToken(rcptTo);
        Optional<BounceReport> report = report(raw, verpToken);
        if (report.isPresent()) {
            return new BounceRecognition.Bounce(report.get(), "multipart/report");
        }
        boolean nullSender = mailFrom == null || mailFrom.isBlank() || mailFrom.strip().equals("<>");
        if (nullSender && !verpToken.isEmpty()) {
            return new BounceRecognition.Bounce(new BounceReport("", verpToken, List.of()), "null sender to VERP address");
        }
        return new BounceRecognition.NotABounce();
    }

    /** The token of the first recipient that is one of our VERP addresses, or empty. */
    String verpToken(List<String> rcptTo) {
        String prefix = verpLocalPart + VERP_MARK;
        for (String recipient : rcptTo) {
            String r = recipient.strip().toLowerCase(Locale.ROOT);
            int at = r.lastIndexOf('@');
            if (at > prefix.length() && r.startsWith(prefix)) {
                String token = r.substring(prefix.length(), at);
                if (token.length() <= 64 && token.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'))) {
                    return token;
                }
            }
        }
        return "";
    }

    private Optional<BounceReport> report(byte[] raw, String verpToken) {
        try {
            InputStream in = new ByteArrayInputStream(raw, 0, Math.min(raw.length, MAX_PARSED));
            MimeMessage message = new MimeMessage(session, in);
            ContentType type = contentType(message);
            if (!type.match("multipart/report")) {
                return Optional.empty();
            }
            String reportType = type.getParameter("report-type");
            if (reportType == null || !reportType.strip().equalsIgnoreCase("delivery-status")) {
                return Optional.empty();
            }
            if (!(message.getContent() instanceof Multipart parts)) {
                return Optional.empty();
            }
            List<BounceReport.Recipient> recipients = new ArrayList<>();
            String originalMessageId = "";
            boolean sawStatus = false;
            for (int i = 0; i < Math.min(parts.getCount(), MAX_PARTS); i++) {
                BodyPart part = parts.getBodyPart(i);
                ContentType partType = contentType(part);
                if (partType.match("message/delivery-status") || partType.match("message/global-delivery-status")) {
                    sawStatus = true;
                    recipients.addAll(DeliveryStatusFields.recipients(new String(decoded(part, MAX_STATUS_BYTES),
                            StandardCharsets.UTF_8)));
                } else if (partType.match("text/rfc822-headers") || partType.match("message/rfc822")
                        || partType.match("message/global") || partType.match("message/global-headers")) {
                    originalMessageId = DeliveryStatusFields.messageId(new String(decoded(part, MAX_STATUS_BYTES),
                            StandardCharsets.UTF_8));
                }
            }
            if (!sawStatus) {
                return Optional.empty();
            }
            return Optional.of(new BounceReport(originalMessageId, verpToken,
                    recipients.subList(0, Math.min(recipients.size(), MAX_RECIPIENTS))));
        } catch (MessagingException | IOException e) {
            // Not a report we can read; as far as bounces go, it is ordinary mail.
            return Optional.empty();
        }
    }

    private static ContentType contentType(Part part) throws MessagingException {
        try {
            String value = part.getContentType();
            return new ContentType(value == null ? "text/plain" : value);
        } catch (ParseException e) {
            return new ContentType("application/octet-stream");
        }
    }

    /** The part's bytes after its transfer encoding is undone, at most {@code limit} of them. */
    private static byte[] decoded(BodyPart part, int limit) throws MessagingException, IOException {
        if (!(part instanceof MimeBodyPart mime)) {
            return new byte[0];
        }
        String encoding = mime.getEncoding();
        try (InputStream in = encoding == null ? mime.getRawInputStream() : MimeUtility.decode(mime.getRawInputStream(), encoding)) {
            return in.readNBytes(limit);
        }
    }
}

package org.supportgate.gateway.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.supportgate.ticketing.reply.Acknowledgement;
import org.supportgate.ticketing.reply.AutoReplyRules;
import org.supportgate.gateway.console.ConsoleProperties;
import org.supportgate.ticketing.reply.ComposedReply;
import org.supportgate.ticketing.reply.RefusalNotice;
import org.supportgate.ticketing.reply.ReplyComposer;

/**
 * Writes our outgoing messages with Jakarta Mail: a fresh Message-ID under our domain,
 * {@code Auto-Submitted}, {@code In-Reply-To}/{@code References}, our loop header, the ticket tag in
 * the subject, a text (and optional HTML) body from the templates, then the signer's signature.
 * Text from the inbound message (subject, display name) is cleaned by {@link HeaderText} and
 * RFC 2047-encoded when it is not ASCII.
 */
public class OutgoingMessageBuilder implements ReplyComposer {

    static final int MAX_SUBJECT = 200;
    static final int MAX_NAME = 64;
    /** References beyond this many (the newest kept) make no threading difference. */
    static final int MAX_REFERENCES = 10;
    private static final char[] TOKEN_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private final MailIdentity identity;
    private final MailProperties properties;
    private final Templates.Template ack;
    private final Templates.Template refusal;
    private final Templates.Template refusalAdmin;
    private final String consoleUrl;
    private final OutgoingSigner signer;
    private final Session session = Session.getInstance(new Properties());
    private final SecureRandom random = new SecureRandom();

    public OutgoingMessageBuilder(MailIdentity identity, MailProperties properties, ConsoleProperties console,
            OutgoingSigner signer) {
        this.identity = identity;
        this.properties = properties;
        this.signer = signer;
        this.ack = Templates.load(properties.templatesDir(), "ack");
        this.refusal = Templates.load(properties.templatesDir(), "refusal");
        this.refusalAdmin = Templates.load(properties.templatesDir(), "refusal-admin");
        this.consoleUrl = HeaderText.clean(console.publicUrl(), 500);
    }

    @Override
    public ComposedReply acknowledgement(Acknowledgement a) {
        String subject = "[" + a.ticketNumber() + "] " + HeaderText.clean(a.subject(), MAX_SUBJECT);
        String name = HeaderText.clean(a.recipientName(), MAX_NAME);
        String bodySubject = HeaderText.clean(a.subject(), MAX_SUBJECT);
        String greeting = name.isEmpty() ? a.recipient() : name;
        Map<String, String> text = Map.of("ticket", a.ticketNumber(), "subject", bodySubject, "name", greeting,
                "business_hours", properties.businessHours());
        Map<String, String> html = Map.of("ticket", a.ticketNumber(), "subject", Templates.escapeHtml(bodySubject),
                "name", Templates.escapeHtml(greeting), "business_hours", Templates.escapeHtml(properties.businessHours()));
        String textBody = Templates.fill(ack.text(), text);
        String htmlBody = ack.html().map(t -> Templates.fill(t, html)).orElse("");
        return compose(a.recipient(), name, subject, "auto-replied", a.inReplyTo(), a.references(), textBody, htmlBody);
    }

    /**
     * The notice of a quarantined request. Built only from our own words and the item's facts:
     * the inbound subject and body never appear, so a forged message cannot make us carry its
     * text to anyone.
     */
    @Override
    public ComposedReply refusal(RefusalNotice n) {
        String name = HeaderText.clean(n.recipientName(), MAX_NAME);
        String greeting = name.isEmpty() ? n.recipient() : name;
        String status = switch (n.stage()) {
            case HELD -> "Our staff keep it as " + n.reference() + " and may review it.";
            case REJECTED -> "Our staff reviewed it (" + n.reference() + ") and rejected it.";
        };
        Map<String, String> text = Map.of("name", greeting, "why", HeaderText.clean(n.why(), 300),
                "reference", n.reference(), "status", status, "console_url", consoleUrl,
                "claimed_from", HeaderText.clean(n.claimedFrom(), 254));
        Map<String, String> html = Map.of("name", Templates.escapeHtml(greeting),
                "why", Templates.escapeHtml(HeaderText.clean(n.why(), 300)), "reference", n.reference(),
                "status", Templates.escapeHtml(status), "console_url", Templates.escapeHtml(consoleUrl),
                "claimed_from", Templates.escapeHtml(HeaderText.clean(n.claimedFrom(), 254)));
        Templates.Template template = switch (n.to()) {
            case SENDER -> refusal;
            case PARTNER_ADMIN -> refusalAdmin;
        };
        String subject = switch (n.to()) {
            case SENDER -> "[" + n.reference() + "] Your request was not acted on";
            case PARTNER_ADMIN -> "[" + n.reference() + "] Unauthenticated request in your name was not acted on";
        };
        String textBody = Templates.fill(template.text(), text);
        String htmlBody = template.html().map(t -> Templates.fill(t, html)).orElse("");
        return compose(n.recipient(), name, subject, "auto-replied", n.inReplyTo(), n.references(), textBody, htmlBody);
    }

    private ComposedReply compose(String recipient, String recipientName, String subject, String autoSubmitted,
            String inReplyTo, List<String> references, String textBody, String htmlBody) {
        String messageId = token(26) + "@" + identity.domain();
        String verpToken = properties.verp() ? token(16) : null;
        String envelopeFrom = verpToken == null ? identity.address()
                : identity.localPart() + "+bounce-" + verpToken + "@" + identity.fromDomain();
        try {
            MimeMessage message = new FixedIdMessage(session, "<" + messageId + ">");
            message.setFrom(new InternetAddress(identity.address(), identity.name(), "UTF-8"));
            message.setRecipient(MimeMessage.RecipientType.TO, recipientName.isEmpty()
                    ? new InternetAddress(recipient, true)
                    : new InternetAddress(recipient, recipientName, "UTF-8"));
            message.setSubject(subject, "UTF-8");
            message.setSentDate(new Date());
            message.setHeader("Auto-Submitted", autoSubmitted);
            message.setHeader(AutoReplyRules.LOOP_HEADER, identity.domain());
            // Asks Exchange and friends not to auto-answer our auto-reply.
            message.setHeader("X-Auto-Response-Suppress", "All");
            if (inReplyTo != null) {
                message.setHeader("In-Reply-To", "<" + safeId(inReplyTo) + ">");
            }
            List<String> kept = references.subList(Math.max(0, references.size() - MAX_REFERENCES), references.size());
            if (!kept.isEmpty()) {
                StringBuilder refs = new StringBuilder();
                for (String id : kept) {
                    refs.append(refs.isEmpty() ? "" : " ").append('<').append(safeId(id)).append('>');
                }
                message.setHeader("References", MimeUtility.fold("References: ".length(), refs.toString()));
            }
            if (htmlBody.isEmpty()) {
                message.setText(textBody, "UTF-8");
            } else {
                MimeBodyPart plain = new MimeBodyPart();
                plain.setText(textBody, "UTF-8");
                MimeBodyPart rich = new MimeBodyPart();
                rich.setText(htmlBody, "UTF-8", "html");
                message.setContent(new MimeMultipart("alternative", plain, rich));
            }
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
            message.writeTo(out);
            byte[] signed = signer.sign(out.toByteArray(), identity.fromDomain());
            return new ComposedReply(messageId, identity.address(), subject, envelopeFrom, verpToken, signed, textBody);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot write an outgoing message to " + recipient, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Message-ID we got from inbound mail, reduced to characters that cannot break the field. */
    static String safeId(String id) {
        StringBuilder out = new StringBuilder(Math.min(id.length(), 250));
        for (int i = 0; i < id.length() && out.length() < 250; i++) {
            char c = id.charAt(i);
            if (c > ' ' && c < 127 && c != '<' && c != '>') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private String token(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = TOKEN_ALPHABET[random.nextInt(TOKEN_ALPHABET.length)];
        }
        return new String(out);
    }

    /** Keeps our Message-ID: Jakarta Mail would otherwise make its own on saveChanges. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}

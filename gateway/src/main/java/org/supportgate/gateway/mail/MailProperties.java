package org.supportgate.gateway.mail;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How our outgoing mail looks (see config/application.yml for each one explained).
 *
 * @param domain the domain of our Message-IDs and the value of our loop header; empty means
 *     {@code supportgate.smtp.hostname}
 * @param from the address our replies come from; empty means {@code support@<domain>}
 * @param fromName the display name on our replies
 * @param templatesDir where {@code ack.txt} (and optionally {@code ack.html}) are read from; when
 *     absent there, the built-in copies are used
 * @param businessHours the business hours as told in the acknowledgement
 * @param verp send with {@code <local>+bounce-<token>@<domain>} as the envelope sender, so a bounce
 *     names the message it is about even when it quotes nothing (the SMTP listener must accept
 *     such addresses for this to help)
 */
@ConfigurationProperties("supportgate.mail")
public record MailProperties(
        @DefaultValue("") String domain,
        @DefaultValue("") String from,
        @DefaultValue("Support") String fromName,
        @DefaultValue("./config/templates") Path templatesDir,
        @DefaultValue("Monday to Friday, 09:00 to 20:00 (America/New_York)") String businessHours,
        @DefaultValue("false") boolean verp) {}

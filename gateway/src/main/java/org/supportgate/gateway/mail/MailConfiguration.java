package org.supportgate.gateway.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.supportgate.gateway.console.ConsoleProperties;
import org.supportgate.gateway.smtp.SmtpProperties;
import org.supportgate.ticketing.outbox.Outbox;
import org.supportgate.ticketing.reply.AutoReplyRules;
import org.supportgate.ticketing.reply.JdbcReplyHistory;
import org.supportgate.ticketing.reply.ReplyBudget;

/** Wires outgoing mail: who we are, how replies are written and signed, the rules, the worker. */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean
    MailIdentity mailIdentity(MailProperties mail, SmtpProperties smtp) {
        return MailIdentity.of(mail, smtp.hostname());
    }

    @Bean
    @ConditionalOnMissingBean
    OutgoingSigner outgoingSigner() {
        return OutgoingSigner.NONE;
    }

    @Bean
    OutgoingMessageBuilder outgoingMessageBuilder(MailIdentity identity, MailProperties mail, ConsoleProperties console,
            OutgoingSigner signer) {
        return new OutgoingMessageBuilder(identity, mail, console, signer);
    }

    @Bean
    BounceRecognizer bounceRecognizer(MailIdentity identity) {
        return new BounceRecognizer(identity.localPart());
    }

    @Bean
    AutoReplyRules autoReplyRules(SmtpProperties smtp, MailIdentity identity) {
        List<String> own = new ArrayList<>(smtp.mailboxes());
        own.add(identity.address());
        return new AutoReplyRules(Set.copyOf(own.stream().map(String::toLowerCase).toList()));
    }

    @Bean
    ReplyBudget replyBudget(JdbcReplyHistory history, ReplyProperties replies) {
        return new ReplyBudget(history, replies.limits());
    }

    @Bean
    OutboxWorker outboxWorker(Outbox outbox, RelayProperties relay, MailIdentity identity, OutboxProperties properties) {
        return new OutboxWorker(outbox, new RelayClient(relay, identity.domain()), properties);
    }
}

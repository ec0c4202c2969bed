package org.supportgate.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.supportgate.auth.SharedCorpus;

class RequestClassifierTest {

    private static RequestClassifier classifier;

    @BeforeAll
    static void loadRules() throws IOException {
        classifier = RequestClassifier.fromYaml(SharedCorpus.config("policy.yml"));
    }

    private static RequestCategories classify(String subject, String body) {
        return classifier.classify(subject, body);
    }

    @Test
    void flagsSmarthostChangeRequestAsMailRouting() {
        RequestCategories result = classify("outbound relay",
                "Hello,\n\nPlease change the smarthost for lindenfield.example.org to relay7.lindenfield.example.org"
                        + " from Monday.\n\nBest regards,\nPat");

        assertThat(result.categories()).containsExactly(Category.MAIL_ROUTING);
        assertThat(result.evidence()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.category()).isEqualTo(Category.MAIL_ROUTING));
        assertThat(result.evidence()).anySatisfy(e -> assertThat(e.excerpt()).contains("smarthost"));
    }

    @Test
    void treatsHowToQuestionAsNone() {
        assertThat(classify("smarthost question", "How would I change the smarthost for one of our clients?")
                .categories()).isEmpty();
    }

    @Test
    void treatsNegatedCancellationAsNone() {
        assertThat(classify("about our account",
                "Just to be clear after yesterday's call: we are NOT cancelling. Everything stays as it is.")
                .categories()).isEmpty();
    }

    @Test
    void ignoresQuotedSensitiveTextUnderBenignReply() {
        String body = "Thanks, the spam is gone now. Have a good weekend!\n\n"
                + "On Tue, 4 Mar 2025 at 10:02, Kim Berg <kim@orchid-labs.example.com> wrote:\n"
                + "> Please reset the admin password and whitelist promo.example.net.\n";

        assertThat(classify("Re: spam", body).categories()).isEmpty();
    }

    @Test
    void ignoresOutlookQuotedRequestUnderBenignReply() {
        String body = "Got it, thank you.\n\n-----Original Message-----\nFrom: Kim Berg\nSent: Tuesday\n"
                + "Subject: delivery\n\nPlease deliver all mail for orchid-labs.example.com to 192.0.2.31.\n";

        assertThat(classify("RE: delivery", body).categories()).isEmpty();
    }

    @Test
    void ignoresQuotedRequestsUnderFrenchAndGermanReplyHeaders() {
        String french = "Merci, c'est réglé.\n\nLe lun. 3 mars 2025 à 10:02, Kim Berg <kim@x.example.fr> a écrit :\n"
                + "> Merci de changer le serveur de livraison vers 192.0.2.31.\n";
        String german = "Danke, hat geklappt.\n\nVon: Kim Berg\nGesendet: Montag, 3. März 2025 10:02\n"
                + "An: Support\nBetreff: Passwort\n\nBitte setzen Sie das Passwort für admin@x.example.de zurück.\n";

        assertThat(classify("RE: serveur", french).categories()).isEmpty();
        assertThat(classify("AW: Passwort", german).categories()).isEmpty();
    }

    @Test
    void failsClosedWhenTimeBudgetIsSpent() throws IOException {
        String yaml = java.nio.file.Files.readString(SharedCorpus.config("policy.yml"))
                .replace("time_budget_ms: 1000", "time_budget_ms: 0");
        RequestClassifier spent = new RequestClassifier(ClassifierRules.parse(yaml, "policy.yml"));

        RequestCategories result = spent.classify("hello", "Just saying hello.");

        assertThat(result.categories()).containsExactlyInAnyOrder(Category.values());
        assertThat(result.evidence()).allSatisfy(e -> assertThat(e.rule()).isEqualTo("time budget"));
    }

    @Test
    void countsBareApprovalOfQuotedChange() {
        String body = "Yes, please proceed.\n\n"
                + "On Wed, 5 Mar 2025, Support <support@example.com> wrote:\n"
                + "> Before we make the change: you want mail for orchid-labs.example.com delivered to"
                + " 192.0.2.31 instead of 192.0.2.30?\n";

        RequestCategories result = classify("Re: [Ticket #100] delivery change", body);

        assertThat(result.categories()).containsExactly(Category.MAIL_ROUTING);
        assertThat(result.evidence()).allSatisfy(e -> assertThat(e.excerpt()).startsWith("approved quote: "));
    }

    @Test
    void treatsRetractionAboveQuotedRequestAsNone() {
        String body = "Please ignore my last message, we are not changing anything.\n\n"
                + "> Please change our MX to mx2.orchid-labs.example.com.\n";

        assertThat(classify("Re: MX", body).categories()).isEmpty();
    }

    @Test
    void treatsReleaseOfOneMessageAsNoneButTrustingASenderAsSenderLists() {
        assertThat(classify("held invoice",
                "Please release the held invoice from billing@tallow.example.net for anna@. Just this one.")
                .categories()).isEmpty();
        assertThat(classify("held invoice",
                "Please release it and trust billing@tallow.example.net from now on.")
                .categories()).containsExactly(Category.SENDER_LISTS);
    }

    @Test
    void ordersEvidenceFromMostToLeastSensitive() {
        RequestCategories result = classify("two things",
                "Please cancel the archiving add-on for our account, and reset the password for admin@birch.example.com.");

        assertThat(result.categories()).containsExactly(Category.ACCOUNT_ACCESS, Category.SERVICE_CHANGE);
        assertThat(result.evidence().getFirst().category()).isEqualTo(Category.ACCOUNT_ACCESS);
        assertThat(result.evidence().getLast().category()).isEqualTo(Category.SERVICE_CHANGE);
    }

    @Test
    void ignoresSignatureAndDisclaimer() {
        String body = "Can you tell me when the maintenance window is?\n\nRegards,\nLee\n"
                + "To cancel your appointment, reply CANCEL.\n\n"
                + "CONFIDENTIALITY NOTICE: please delete this message and reset any forwarded copies.";

        assertThat(classify("maintenance", body).categories()).isEmpty();
    }

    @Test
    void readsGermanRoutingRequest() {
        assertThat(classify("Neuer Mailserver",
                "Guten Tag,\n\nbitte stellen Sie die E-Mails für weidenhof.example.de ab Montag an 198.51.100.23 zu."
                        + "\n\nViele Grüße\nAnke").categories())
                .containsExactly(Category.MAIL_ROUTING);
    }

    @Test
    void readsSpanishAllowListRequest() {
        assertThat(classify("Remitente de confianza",
                "Hola, por favor añadan facturas@olivar.example.es a la lista blanca; sus correos acaban en cuarentena."
                        + "\n\nSaludos,\nLucía").categories())
                .containsExactly(Category.SENDER_LISTS);
    }

    @Test
    void readsFrenchPasswordReset() {
        assertThat(classify("Mot de passe",
                "Bonjour,\n\nPourriez-vous réinitialiser le mot de passe du compte admin@verger.example.fr ?"
                        + "\n\nCordialement,\nÉlise").categories())
                .containsExactly(Category.ACCOUNT_ACCESS);
    }

    @Test
    void readsDutchCancellation() {
        assertThat(classify("Opzegging",
                "Beste,\n\nWij willen ons abonnement voor molenzicht.example.nl opzeggen per 1 juli."
                        + "\n\nMet vriendelijke groet,\nDaan").categories())
                .containsExactly(Category.SERVICE_CHANGE);
    }

    @Test
    void readsPortugueseLogRequest() {
        assertThat(classify("Registos de mensagens",
                "Bom dia,\n\nPodem enviar-nos o relatório de todos os e-mails recebidos por geral@quinta.example.pt"
                        + " na última semana?\n\nObrigado,\nTiago").categories())
                .containsExactly(Category.MAIL_REPORTS);
    }

    @Test
    void treatsGermanPriceQuestionAsNone() {
        assertThat(classify("Frage",
                "Hallo, was kostet die Archivierung pro Postfach? Wir wollen nichts ändern.").categories())
                .isEmpty();
    }

    @Test
    void returnsNoneForEmptyAndNullText() {
        assertThat(classify("", "").isNone()).isTrue();
        assertThat(classify(null, null).isNone()).isTrue();
        assertThat(classify("Re: x", "> please whitelist spam.example.com\n> and reset my password").isNone()).isTrue();
    }

    @Test
    void handlesTenMegabytesWithinBudget() {
        String line = "please change the smarthost and whitelist and reset the password and export the logs ";
        String body = line.repeat(10 * 1024 * 1024 / line.length());

        RequestCategories result = timed(() -> classify("huge", body));

        assertThat(result.categories()).isNotEmpty();
    }

    @Test
    void handlesBinaryWithinBudget() {
        byte[] bytes = new byte[2 * 1024 * 1024];
        new Random(42).nextBytes(bytes);
        String body = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);

        timed(() -> classify(body.substring(0, 5000), body));
    }

    @Test
    void handlesDeeplyRepeatedPatternsWithinBudget() {
        timed(() -> classify("a".repeat(100_000), "> ".repeat(200_000) + "(".repeat(100_000) + "=E2=80".repeat(50_000)));
        timed(() -> classify("x", "On ".repeat(100_000) + "\n" + "wrote:\n".repeat(50_000)));
        timed(() -> classify("x", "&#1114112;&#0;&amp;".repeat(100_000) + "<p ".repeat(100_000)));
        timed(() -> classify("=?utf-8?b?////?= =?x?q?=ZZ?=", "deliver to to to to to to ".repeat(20_000)));
        timed(() -> classify("x", "\n".repeat(1_000_000)));
        timed(() -> classify("x", "a. ".repeat(500_000)));
    }

    @Test
    void neverThrowsOnRandomMixturesOfMarkup() {
        String[] pieces = {"> ", "\n", "On x wrote:", "=?utf-8?q?=C3=A9?=", "=E2=80=99", "=\n", "<p>", "</div>", "&#x1F600;",
            "&amp;", "\uD83D", "\uDE00", "\u0000", "\r", "-- ", "-----Original Message-----", "From: a", "Sent: b",
            "please ", "whitelist ", "192.0.2.1 ", "x.example.com ", "not ", "how do i ", "yes, go ahead", "?", ".", ",",
            "\u00df", "\u0130", "e\u0301", "\u202E", "(", ")", "[", "\\", "re: ", "*"};
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder subject = new StringBuilder();
            StringBuilder body = new StringBuilder();
            for (int j = random.nextInt(60); j > 0; j--) {
                (random.nextInt(5) == 0 ? subject : body).append(pieces[random.nextInt(pieces.length)]);
            }
            assertThat(classify(subject.toString(), body.toString())).isNotNull();
        }
    }

    /** Runs a classification and checks it ended within its budget, with some slack for a busy machine. */
    private static RequestCategories timed(java.util.function.Supplier<RequestCategories> classification) {
        Duration budget = classifier.rules().limits().timeBudget();
        long start = System.nanoTime();
        RequestCategories result = classification.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(result).isNotNull();
        assertThat(took).isLessThan(budget.multipliedBy(4));
        return result;
    }
}

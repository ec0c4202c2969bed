package org.supportgate.auth.trust;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.supportgate.auth.dmarc.DmarcResult;

/**
 * Facts for one message, starting from the ordinary case: Jane, an active contact of partner
 * p-acme, sends from her usual network with her usual DKIM key and DMARC passes aligned.
 * Tests change only what their behaviour is about.
 */
final class Scenario {

    String fromAddress = "jane@acme.example";
    String displayName = "Jane Doe";
    String fromDomain = "acme.example";
    List<String> replyTo = new ArrayList<>();
    String sender = "";
    DmarcResult dmarc = DmarcResult.PASS;
    String dmarcAuthorDomain = "acme.example";
    String organizationalDomain = "acme.example";
    boolean spfAligned = true;
    boolean dkimAligned = true;
    boolean trustedArc = false;
    String arcSealer = "";
    List<AuthenticationFacts.DkimPass> dkim =
            new ArrayList<>(List.of(new AuthenticationFacts.DkimPass("acme.example", "sel1", false)));
    SmimeFacts smime = SmimeFacts.unsigned();
    Optional<KnownContact> contact = Optional.of(
            new KnownContact("jane@acme.example", "Jane Doe", "p-acme", true, "admin", true));
    List<KnownPartnerDomain> partnerDomains = new ArrayList<>(List.of(
            new KnownPartnerDomain("acme.example", "p-acme"),
            new KnownPartnerDomain("acme-it.example", "p-acme"),
            new KnownPartnerDomain("globex.example", "p-globex"),
            new KnownPartnerDomain("ibm.example", "p-ibm")));
    List<KnownContactName> contactNames = new ArrayList<>(List.of(
            new KnownContactName("Jane Doe", "jane@acme.example"),
            new KnownContactName("Hank Scorpio", "hank@globex.example")));
    SendingHistory history = new SendingHistory(42,
            List.of(SourceNetwork.of(ip("192.0.2.10"))),
            List.of(new SendingHistory.DkimKey("acme.example", "sel1")));
    InetAddress clientIp = ip("192.0.2.77");
    RecentActivity recent = RecentActivity.none();
    TrustPolicy policy = TrustPolicy.defaults();

    TrustFacts facts() {
        return new TrustFacts(
                new FromIdentity(fromAddress, displayName, fromDomain),
                replyTo,
                sender,
                new AuthenticationFacts(dmarc, dmarcAuthorDomain, organizationalDomain, spfAligned, dkimAligned,
                        trustedArc, arcSealer, dkim, smime),
                contact,
                partnerDomains,
                contactNames,
                history,
                clientIp,
                recent,
                policy);
    }

    TrustAssessment evaluate() {
        return SenderTrust.evaluate(facts());
    }

    /** A sender at another address and domain, unknown to the directory. */
    Scenario from(String address, String name) {
        fromAddress = address;
        displayName = name;
        fromDomain = address.substring(address.lastIndexOf('@') + 1);
        dmarcAuthorDomain = fromDomain;
        organizationalDomain = fromDomain;
        dkim = new ArrayList<>(List.of(new AuthenticationFacts.DkimPass(fromDomain, "s1", false)));
        contact = Optional.empty();
        history = SendingHistory.empty();
        return this;
    }

    Scenario dmarcFails() {
        dmarc = DmarcResult.FAIL;
        spfAligned = false;
        dkimAligned = false;
        dkim = new ArrayList<>();
        return this;
    }

    Scenario recent(int fromContact, int fromPartner) {
        recent = new RecentActivity(fromContact, fromPartner, Duration.ofHours(1));
        return this;
    }

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}

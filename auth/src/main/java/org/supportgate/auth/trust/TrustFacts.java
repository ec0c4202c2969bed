package org.supportgate.auth.trust;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@link SenderTrust} decides from, gathered by the gateway from the message, the
 * authentication results and the partner directory.
 *
 * @param from the From author
 * @param replyToAddresses the Reply-To addresses (empty when absent)
 * @param senderAddress the Sender address, "" when absent
 * @param auth the authentication results
 * @param contact the directory contact whose address is the From address, if any
 * @param partnerDomains every partner domain in the directory
 * @param contactNames every known contact's display name with its address
 * @param history the From contact's sending history (empty when there is no contact)
 * @param clientIp the address of the SMTP client that handed us the message
 * @param recent sensitive requests already received from the contact and its partner
 * @param policy thresholds and limits
 */
public record TrustFacts(
        FromIdentity from,
        List<String> replyToAddresses,
        String senderAddress,
        AuthenticationFacts auth,
        Optional<KnownContact> contact,
        List<KnownPartnerDomain> partnerDomains,
        List<KnownContactName> contactNames,
        SendingHistory history,
        InetAddress clientIp,
        RecentActivity recent,
        TrustPolicy policy) {

    public TrustFacts {
        Objects.requireNonNull(from, "from");
        replyToAddresses = List.copyOf(replyToAddresses);
        senderAddress = senderAddress == null ? "" : senderAddress;
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(contact, "contact");
        partnerDomains = List.copyOf(partnerDomains);
        contactNames = List.copyOf(contactNames);
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(clientIp, "clientIp");
        Objects.requireNonNull(recent, "recent");
        Objects.requireNonNull(policy, "policy");
        // The contact is looked up by the From address; any other contact here is a gateway bug
        // that would lend one person's standing to another's mail.
        if (contact.isPresent() && !sameAddress(contact.get().email(), from.address())) {
            throw new IllegalArgumentException("contact " + contact.get().email()
                    + " is not the From address " + from.address());
        }
    }

    static boolean sameAddress(String a, String b) {
        return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }
}

package org.supportgate.auth.arc;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.supportgate.auth.dkim.Canonicalization;
import org.supportgate.auth.dkim.DkimAlgorithm;
import org.supportgate.auth.dkim.DkimKeyQuery;
import org.supportgate.auth.dkim.DkimLimits;
import org.supportgate.auth.dkim.DkimPublicKey;
import org.supportgate.auth.dkim.DkimResult;
import org.supportgate.auth.dkim.DkimSignatureResult;
import org.supportgate.auth.dkim.KeyLookup;
import org.supportgate.auth.dkim.SignatureCheck;
import org.supportgate.auth.dkim.SignedHeaders;
import org.supportgate.auth.dkim.TagList;
import org.supportgate.auth.message.RawMessage;
import org.supportgate.auth.dns.DnsResolver;

/**
 * Validates the ARC chain of a message (RFC 8617 section 5.2): structure, the cv= of every seal,
 * the newest ARC-Message-Signature, then every ARC-Seal from the newest down.
 */
public final class ArcValidator {

    private final SignatureCheck messageSignatures;
    private final DkimKeyQuery keys;

    public ArcValidator(DnsResolver dns) {
        this(dns, Clock.systemUTC(), DkimLimits.DEFAULT);
    }

    public ArcValidator(DnsResolver dns, Clock clock, DkimLimits limits) {
        this.messageSignatures = new SignatureCheck(dns, clock, limits);
        this.keys = new DkimKeyQuery(dns, limits.minRsaBits(), limits.maxRsaBits());
    }

    public ArcResult validate(RawMessage message) {
        return switch (ArcChainStructure.read(message)) {
            case ArcChainStructure.Reading.Broken broken -> failed(0, "", "", broken.reason(), List.of(), false);
            case ArcChainStructure.Reading.Sets(List<ArcSet> sets) when sets.isEmpty() ->
                    new ArcResult(ArcChainValidation.NONE, 0, "", "", "no ARC sets", List.of(), false);
            case ArcChainStructure.Reading.Sets(List<ArcSet> sets) -> validate(message, sets);
        };
    }

    private ArcResult validate(RawMessage message, List<ArcSet> sets) {
        int n = sets.size();
        String oldest = sets.getFirst().sealTags().get("d").orElse("");
        String newest = sets.getLast().sealTags().get("d").orElse("");
        List<String> results = sets.stream().map(ArcSet::resultsPayload).toList();

        for (ArcSet set : sets) {
            String cv = set.sealTags().get("cv").orElse("");
            String expected = set.instance() == 1 ? "none" : "pass";
            if (!cv.equals(expected)) {
                return failed(n, oldest, newest, "ARC-Seal i=" + set.instance() + " has cv=" + cv
                        + " where the chain needs cv=" + expected, results, false);
            }
        }

        DkimSignatureResult ams = messageSignatures.check(message, sets.getLast().messageSignature(),
                SignatureCheck.Profile.ARC_MESSAGE_SIGNATURE);
        if (ams.result() != DkimResult.PASS) {
            return failed(n, oldest, newest, "ARC-Message-Signature i=" + n + ": " + ams.reason(), results,
                    ams.result() == DkimResult.TEMPERROR);
        }

        for (int i = n; i >= 1; i--) {
            Optional<SealProblem> problem = checkSeal(sets, i);
            if (problem.isPresent()) {
                return failed(n, oldest, newest, "ARC-Seal i=" + i + ": " + problem.get().reason(), results,
                        problem.get().temporary());
            }
        }
        return new ArcResult(ArcChainValidation.PASS, n, oldest, newest,
                "chain of " + n + " verified", results, false);
    }

    private record SealProblem(String reason, boolean temporary) {}

    /**
     * One seal (RFC 8617 section 5.1.1): relaxed header canonicalization of ARC-Authentication-Results,
     * ARC-Message-Signature and ARC-Seal for each instance from 1 up to this one, this seal last
     * with its b= value removed and no final CRLF.
     */
    private Optional<SealProblem> checkSeal(List<ArcSet> sets, int instance) {
        ArcSet set = sets.get(instance - 1);
        TagList tags = set.sealTags();
        if (tags.has("h")) {
            return problem("an ARC-Seal must not have h=");
        }
        Optional<String> a = tags.get("a");
        Optional<DkimAlgorithm> algorithm = a.flatMap(DkimAlgorithm::named);
        if (algorithm.isEmpty()) {
            return problem("unsupported or missing a=");
        }
        String d = tags.get("d").orElse("");
        String s = tags.get("s").orElse("");
        byte[] signature;
        try {
            signature = java.util.Base64.getDecoder().decode(removeFws(tags.get("b").orElse("")));
        } catch (IllegalArgumentException e) {
            return problem("b= is not base64");
        }
        if (signature.length == 0) {
            return problem("missing or empty b=");
        }
        Optional<String> t = tags.get("t");
        if (t.isPresent() && (t.get().isEmpty() || t.get().length() > 12
                || !t.get().chars().allMatch(c -> c >= '0' && c <= '9'))) {
            return problem("invalid t=");
        }
        if (d.isEmpty() || s.isEmpty()) {
            return problem("missing d= or s=");
        }
        DkimPublicKey key;
        switch (keys.fetch(s, d, algorithm.get())) {
            case KeyLookup.Failed f -> {
                return Optional.of(new SealProblem(f.reason(), f.result() == DkimResult.TEMPERROR));
            }
            case KeyLookup.Found found -> key = found.key();
        }
        StringBuilder data = new StringBuilder();
        for (int j = 0; j < instance; j++) {
            ArcSet earlier = sets.get(j);
            data.append(Canonicalization.RELAXED.header(earlier.results()))
                    .append(Canonicalization.RELAXED.header(earlier.messageSignature()));
            if (j < instance - 1) {
                data.append(Canonicalization.RELAXED.header(earlier.seal()));
            }
        }
        String own = Canonicalization.RELAXED.header(SignedHeaders.withoutSignatureValue(set.seal()));
        data.append(own, 0, own.length() - 2);
        if (!key.verifies(algorithm.get(), data.toString().getBytes(StandardCharsets.ISO_8859_1), signature)) {
            return problem("seal did not verify");
        }
        return Optional.empty();
    }

    private static Optional<SealProblem> problem(String reason) {
        return Optional.of(new SealProblem(reason, false));
    }

    private static String removeFws(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.chars().filter(c -> c != ' ' && c != '\t' && c != '\r' && c != '\n').forEach(c -> out.append((char) c));
        return out.toString();
    }

    private static ArcResult failed(int n, String oldest, String newest, String reason, List<String> results,
            boolean temporary) {
        return new ArcResult(ArcChainValidation.FAIL, n, oldest, newest, reason, results, temporary);
    }
}

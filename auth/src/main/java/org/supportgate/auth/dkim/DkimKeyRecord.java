package org.supportgate.auth.dkim;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * A DKIM key record (RFC 6376 section 3.6.1) as published in DNS.
 *
 * @param keyType        k=, "rsa" when absent
 * @param hashes         h=, the acceptable hash algorithms; empty means any
 * @param services       s=, service types; "*" when absent
 * @param testing        t=y: the domain is testing DKIM
 * @param strictIdentity t=s: the i= domain must equal d=
 * @param keyData        p= decoded; empty when the key is revoked
 */
public record DkimKeyRecord(String keyType, List<String> hashes, List<String> services, boolean testing,
        boolean strictIdentity, byte[] keyData) {

    public DkimKeyRecord {
        hashes = List.copyOf(hashes);
        services = List.copyOf(services);
        keyData = keyData.clone();
    }

    @Override
    public byte[] keyData() {
        return keyData.clone();
    }

    public boolean revoked() {
        return keyData.length == 0;
    }

    /** Reads a TXT record; a record that is not a usable DKIM key record is a syntax error. */
    public static DkimKeyRecord parse(String txt) throws TagSyntaxException {
        TagList tags = TagList.parse(txt);
        if (tags.has("v")) {
            if (!txt.stripLeading().startsWith("v=")) {
                throw new TagSyntaxException("v= must be the first tag of a key record");
            }
            if (!tags.get("v").orElseThrow().equals("DKIM1")) {
                throw new TagSyntaxException("key record version is not DKIM1");
            }
        }
        if (!tags.has("p")) {
            throw new TagSyntaxException("key record without p=");
        }
        byte[] key = decodeBase64(tags.get("p").orElseThrow(), "p=");
        List<String> flags = list(tags.get("t").orElse(""));
        return new DkimKeyRecord(tags.get("k").orElse("rsa"), list(tags.get("h").orElse("")),
                tags.has("s") ? list(tags.get("s").orElseThrow()) : List.of("*"),
                flags.contains("y"), flags.contains("s"), key);
    }

    /**
     * The verifying key for an algorithm, checking k=, h= and the key's size and encoding.
     * RSA keys may be SubjectPublicKeyInfo (what most signers publish) or a bare PKCS#1
     * RSAPublicKey (as in RFC 6376 appendix C).
     */
    DkimPublicKey keyFor(DkimAlgorithm algorithm, int minRsaBits, int maxRsaBits) throws TagSyntaxException {
        if (revoked()) {
            throw new TagSyntaxException("key revoked (empty p=)");
        }
        if (!keyType.equals(algorithm.keyType())) {
            throw new TagSyntaxException("key type k=" + keyType + " does not match a=" + algorithm.tagValue());
        }
        if (!hashes.isEmpty() && !hashes.contains("sha256")) {
            throw new TagSyntaxException("key record h= does not allow sha256");
        }
        if (!services.contains("*") && !services.contains("email")) {
            throw new TagSyntaxException("key record s= does not allow email");
        }
        return switch (algorithm) {
            case RSA_SHA256 -> rsa(minRsaBits, maxRsaBits);
            case ED25519_SHA256 -> ed25519();
        };
    }

    private DkimPublicKey rsa(int minBits, int maxBits) throws TagSyntaxException {
        RSAPublicKey key = decodeRsa(keyData);
        int bits = key.getModulus().bitLength();
        if (bits < minBits) {
            throw new TagSyntaxException("RSA key of " + bits + " bits is below the minimum of " + minBits);
        }
        if (bits > maxBits) {
            throw new TagSyntaxException("RSA key of " + bits + " bits is above the maximum of " + maxBits);
        }
        return new DkimPublicKey.Rsa(key);
    }

    private DkimPublicKey ed25519() throws TagSyntaxException {
        if (keyData.length != Ed25519PublicKeyParameters.KEY_SIZE) {
            throw new TagSyntaxException("Ed25519 key is not " + Ed25519PublicKeyParameters.KEY_SIZE + " octets");
        }
        try {
            return new DkimPublicKey.Ed25519(new Ed25519PublicKeyParameters(keyData, 0));
        } catch (IllegalArgumentException e) {
            // Bouncy Castle checks that the octets encode a point on the curve.
            throw new TagSyntaxException("p= is not a valid Ed25519 public key");
        }
    }

    private static RSAPublicKey decodeRsa(byte[] der) throws TagSyntaxException {
        try {
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
            return (RSAPublicKey) key;
        } catch (Exception notSpki) {
            // Not SubjectPublicKeyInfo: try the bare PKCS#1 form below.
        }
        try {
            org.bouncycastle.asn1.pkcs.RSAPublicKey pkcs1 =
                    org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(ASN1Primitive.fromByteArray(der));
            BigInteger modulus = pkcs1.getModulus();
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(modulus, pkcs1.getPublicExponent()));
        } catch (Exception malformed) {
            // Bouncy Castle signals malformed DER with several unchecked types; all mean "not a key".
            throw new TagSyntaxException("p= is not an RSA public key");
        }
    }

    static byte[] decodeBase64(String value, String what) throws TagSyntaxException {
        try {
            return Base64.getDecoder().decode(TagList.removeFws(value));
        } catch (IllegalArgumentException e) {
            throw new TagSyntaxException(what + " is not valid base64");
        }
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(":")).map(TagList::stripFws).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DkimKeyRecord r && keyType.equals(r.keyType) && hashes.equals(r.hashes)
                && services.equals(r.services) && testing == r.testing && strictIdentity == r.strictIdentity
                && Arrays.equals(keyData, r.keyData);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(keyData);
    }

    @Override
    public String toString() {
        return "DkimKeyRecord[k=" + keyType + ", h=" + hashes + ", s=" + services + ", testing=" + testing
                + ", strict=" + strictIdentity + ", " + keyData.length + " key octets]";
    }
}

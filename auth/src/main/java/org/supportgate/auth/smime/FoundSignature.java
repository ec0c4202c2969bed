package org.supportgate.auth.smime;

/** Where {@link SignatureLocator} found the signature, with the octets to verify. */
sealed interface FoundSignature {

    /** multipart/signed: the first part's exact octets and the DER of the second part. */
    record Detached(byte[] content, byte[] cms) implements FoundSignature {}

    /** application/pkcs7-mime signed-data: the content travels inside the CMS. */
    record Opaque(byte[] cms) implements FoundSignature {}

    /** No S/MIME signature where we look. */
    record Absent(String reason) implements FoundSignature {}
}

package org.supportgate.auth.dkim;

/** The outcome of fetching and reading the key for a signature. */
public sealed interface KeyLookup {

    /** A usable key for the signature's algorithm. */
    record Found(DkimKeyRecord record, DkimPublicKey key) implements KeyLookup {}

    /** No usable key: TEMPERROR for a DNS failure, PERMERROR for anything about the record. */
    record Failed(DkimResult result, String reason) implements KeyLookup {}
}

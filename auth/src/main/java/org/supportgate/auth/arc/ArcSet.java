package org.supportgate.auth.arc;

import org.supportgate.auth.dkim.TagList;
import org.supportgate.auth.message.HeaderField;

/**
 * The three header fields of one ARC instance, found and numbered.
 *
 * @param instance        i=
 * @param seal            ARC-Seal
 * @param sealTags        its tags
 * @param messageSignature ARC-Message-Signature
 * @param results         ARC-Authentication-Results
 * @param resultsPayload  the A-R payload after {@code i=n;}
 */
record ArcSet(int instance, HeaderField seal, TagList sealTags, HeaderField messageSignature,
        HeaderField results, String resultsPayload) {}

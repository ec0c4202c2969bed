package org.supportgate.auth.policy;

import java.util.List;

/**
 * One line of a labelled corpus: a request and the categories a person gave it.
 *
 * @param labels policy ids, or {@code ["none"]}
 */
record LabelledRequest(String id, String subject, String body, List<String> labels, String note) {

    LabelledRequest {
        labels = List.copyOf(labels);
    }
}

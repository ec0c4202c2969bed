package org.supportgate.gateway.partners;

import java.util.List;

/** The directory file is not valid; nothing was imported. */
class InvalidDirectoryException extends RuntimeException {

    private final List<String> problems;

    InvalidDirectoryException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}

package org.supportgate.auth.spf;

/** One qualified mechanism of a record. */
record Directive(Qualifier qualifier, Mechanism mechanism) {}

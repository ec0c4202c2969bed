/**
 * The request classifier: which sensitive categories (DESIGN.md, "The threat it exists for") a
 * support request falls in, so that policy can ask for the assurance each one needs.
 *
 * <p>{@link org.supportgate.auth.policy.RequestClassifier} is the entry point; build it with
 * {@link org.supportgate.auth.policy.RequestClassifier#fromYaml} from {@code config/policy.yml}, the
 * operator's word lists, patterns and cues ({@link org.supportgate.auth.policy.ClassifierRules}).
 * It gives {@link org.supportgate.auth.policy.RequestCategories}: the categories and, for each, the
 * rule and text that triggered it. Only the new text of a message counts; a bare approval of a
 * quoted request counts as that request. {@link org.supportgate.auth.policy.ClassifierReport}
 * measures rules against a labelled corpus.
 *
 * <p>SECURITY: subject and body are attacker-controlled. Only the first
 * {@code limits.max_chars} characters are read; every pattern, ours and the operator's, runs on
 * RE2/J (linear time, no backtracking); sentences are capped in number; a time budget bounds the
 * whole classification and, when it is spent, every category is assigned (fail closed). Keyword
 * rules can be evaded by a determined writer (paraphrase, misspelling, a well-placed negation): the
 * classifier is one signal, and assurance levels, not this, are what authorise a change.
 *
 * <p>DIAGNOSTICS: classification never throws for any text. A rules file that is missing a key or
 * holds a pattern RE2/J cannot compile is refused when loaded, with the key's path in the message.
 * Evidence names the rule and the text it matched, so a wrong verdict can be traced to a rule.
 */
package org.supportgate.auth.policy;

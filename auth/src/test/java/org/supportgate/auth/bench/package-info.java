/**
 * JMH benchmarks of the auth hot paths: DKIM verification (RSA-2048 and Ed25519), SPF with DNS
 * answers in memory, DMARC with a tree walk, and the JDK's bare RSA-2048 verify as a yardstick.
 *
 * <p>They live under src/test so they never ship in the auth jar. Run them all with
 * {@code ./mvnw -q -pl auth -Pjmh test-compile exec:exec}; the README's performance section has
 * the figures and the machine they came from. DNS comes from {@code StaticDnsResolver}, so
 * nothing here touches the network.
 */
package org.supportgate.auth.bench;

package org.supportgate.gateway.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.supportgate.auth.AuthenticationReport;
import org.supportgate.auth.MessageAuthenticator;
import org.supportgate.auth.SessionFacts;
import org.supportgate.auth.dkim.DkimSignatureResult;
import org.supportgate.auth.dmarc.DmarcVerdict;
import org.supportgate.auth.dns.DnsResolver;
import org.supportgate.auth.dns.DnsjavaResolver;
import org.supportgate.auth.dns.ZoneFileResolver;

/**
 * {@code check --client-ip IP --helo NAME --mail-from ADDR [--dns HOST:PORT | --zone FILE]
 * [--authserv-id NAME] FILE.eml}: prints the Authentication-Results field and the DMARC verdict
 * for a message file: the operator's answer to "why was this quarantined?".
 */
public final class CheckCommand {

    static final String USAGE = """
            usage: java -jar supportgate.jar check --client-ip IP --helo NAME --mail-from ADDR \\
                       [--dns HOST:PORT | --zone FILE] [--authserv-id NAME] FILE.eml
              --client-ip    the address the message came from (IPv4 or IPv6 literal)
              --helo         the HELO/EHLO name the client gave
              --mail-from    the MAIL FROM address ("" for the null sender)
              --dns          ask this DNS server (default: the system's resolvers)
              --zone         answer DNS from this zone file instead (offline)
              --authserv-id  our name in the header (default: localhost)
            """;

    private static final Set<String> OPTIONS = Set.of("--client-ip", "--helo", "--mail-from", "--dns", "--zone", "--authserv-id");

    private CheckCommand() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--")) {
                if (!OPTIONS.contains(arg)) {
                    return usage(err, "unknown option " + arg);
                }
                if (i + 1 >= args.size()) {
                    return usage(err, arg + " needs a value");
                }
                options.put(arg, args.get(++i));
            } else {
                files.add(arg);
            }
        }
        for (String required : List.of("--client-ip", "--helo", "--mail-from")) {
            if (!options.containsKey(required)) {
                return usage(err, "missing " + required);
            }
        }
        if (files.size() != 1) {
            return usage(err, "give exactly one message file");
        }
        if (options.containsKey("--dns") && options.containsKey("--zone")) {
            return usage(err, "--dns and --zone exclude each other");
        }
        SessionFacts session;
        try {
            session = SessionFacts.of(options.get("--client-ip"), options.get("--helo"), options.get("--mail-from"));
        } catch (IllegalArgumentException e) {
            return usage(err, "--client-ip: " + e.getMessage());
        }
        byte[] message;
        DnsResolver dns;
        try {
            message = Files.readAllBytes(Path.of(files.getFirst()));
            dns = options.containsKey("--zone")
                    ? ZoneFileResolver.fromFile(Path.of(options.get("--zone")))
                    : DnsjavaResolver.builder()
                            .servers(options.containsKey("--dns") ? List.of(options.get("--dns")) : List.of())
                            .timeout(Duration.ofSeconds(5))
                            .build();
        } catch (IOException | IllegalArgumentException e) {
            err.println("check: " + e.getMessage());
            return 1;
        }
        String authservId = options.getOrDefault("--authserv-id", "localhost");
        MessageAuthenticator authenticator = new MessageAuthenticator(dns, Clock.systemUTC(), authservId, Set.of());
        AuthenticationReport report = authenticator.authenticate(session, message);
        print(report, out);
        if (dns instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // the process ends next; nothing to release that matters
            }
        }
        return 0;
    }

    private static void print(AuthenticationReport report, PrintStream out) {
        out.print(report.header().endsWith("\r\n") ? report.header().replace("\r\n", "\n") : report.header() + "\n");
        out.println();
        DmarcVerdict dmarc = report.dmarc();
        out.printf("DMARC: %s for %s (policy %s from %s; organizational domain %s; SPF aligned: %s; DKIM aligned: %s)%n",
                token(dmarc.result()), blank(dmarc.fromDomain()), token(dmarc.appliedPolicy()), blank(dmarc.policyDomain()),
                blank(dmarc.organizationalDomain()), dmarc.spfAligned() ? "yes" : "no", dmarc.dkimAligned() ? "yes" : "no");
        if (!dmarc.reason().isEmpty()) {
            out.println("       " + dmarc.reason());
        }
        out.printf("SPF:   %s for %s%s%n", token(report.spf().result()), blank(report.spf().domain()),
                report.spf().problem().isEmpty() ? "" : " (" + report.spf().problem() + ")");
        for (DkimSignatureResult s : report.dkim()) {
            out.printf("DKIM:  %s d=%s s=%s a=%s%s%n", token(s.result()), s.domain(), s.selector(), s.algorithm(),
                    s.reason().isEmpty() ? "" : " (" + s.reason() + ")");
        }
        out.printf("ARC:   %s%s%n", token(report.arc().cv()), report.arc().reason().isEmpty() ? "" : " (" + report.arc().reason() + ")");
        report.removedFields().forEach(f -> out.println("Removed (claims our authserv-id or is ours to write): " + f));
        report.temporaryError().ifPresent(e -> out.println("TEMPORARY: " + e + " (the daemon would defer this message)"));
    }

    private static String token(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String blank(String value) {
        return value.isEmpty() ? "-" : value;
    }

    private static int usage(PrintStream err, String problem) {
        err.println("check: " + problem);
        err.print(USAGE);
        return 2;
    }
}

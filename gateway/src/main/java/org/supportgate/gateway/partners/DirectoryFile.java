package org.supportgate.gateway.partners;

import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.supportgate.auth.smime.PinnedCertificate;
import org.supportgate.ticketing.partner.ContactRole;
import org.supportgate.ticketing.partner.DirectorySnapshot;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the partner directory YAML:
 *
 * <pre>
 * partners:
 *   - id: acme
 *     name: Acme IT
 *     active: true              # optional, default true
 *     domains: [acme.example]
 *     contacts:
 *       - {email: alice@acme.example, name: Alice Admin, role: admin}
 *       - email: bob@acme.example
 *         role: technical        # admin | technical | billing | other (default technical)
 *         active: false           # optional, default true
 *         smime-certificate: |    # optional, PEM
 *           -----BEGIN CERTIFICATE-----
 * </pre>
 */
final class DirectoryFile {

    private static final int MAX_CHARS = 10 * 1024 * 1024;
    private static final int MAX_TEXT_CHARS = 1000;
    /** A PEM certificate: a 4096-bit RSA one with long names is about 2,500 characters. */
    private static final int MAX_CERTIFICATE_CHARS = 16 * 1024;

    private final List<String> problems = new ArrayList<>();

    private DirectoryFile() {}

    static DirectorySnapshot parse(String yaml) {
        return new DirectoryFile().read(yaml);
    }

    private DirectorySnapshot read(String yaml) {
        if (yaml.length() > MAX_CHARS) {
            throw new InvalidDirectoryException(List.of("the directory is larger than " + MAX_CHARS + " characters"));
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(MAX_CHARS);
        Object document;
        try {
            document = new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (YAMLException e) {
            throw new InvalidDirectoryException(List.of("not valid YAML: " + e.getMessage()));
        }
        List<DirectorySnapshot.PartnerEntry> partners = new ArrayList<>();
        if (!(document instanceof Map<?, ?> top) || !(top.get("partners") instanceof List<?> list)) {
            throw new InvalidDirectoryException(List.of("the document needs a top-level 'partners:' list"));
        }
        for (int i = 0; i < list.size(); i++) {
            partner("partners[" + i + "]", list.get(i), partners);
        }
        if (!problems.isEmpty()) {
            throw new InvalidDirectoryException(problems);
        }
        return new DirectorySnapshot(partners);
    }

    private void partner(String where, Object node, List<DirectorySnapshot.PartnerEntry> out) {
        if (!(node instanceof Map<?, ?> map)) {
            problems.add(where + ": must be a mapping with id, name, domains, contacts");
            return;
        }
        String id = text(where + ".id", map.get("id"), true);
        if (id != null && !validId(id)) {
            problems.add(where + ".id: use 1-64 lower-case letters, digits, '.', '_' or '-'");
        }
        String name = text(where + ".name", map.get("name"), true);
        boolean active = flag(where + ".active", map.get("active"));
        List<String> domains = new ArrayList<>();
        List<?> domainNodes = list(where + ".domains", map.get("domains"));
        for (int i = 0; i < domainNodes.size(); i++) {
            String domain = domain(where + ".domains[" + i + "]", domainNodes.get(i));
            if (domain != null) {
                domains.add(domain);
            }
        }
        List<DirectorySnapshot.ContactEntry> contacts = new ArrayList<>();
        List<?> contactNodes = list(where + ".contacts", map.get("contacts"));
        for (int i = 0; i < contactNodes.size(); i++) {
            contact(where + ".contacts[" + i + "]", contactNodes.get(i), contacts);
        }
        if (id != null && name != null) {
            out.add(new DirectorySnapshot.PartnerEntry(id, name, active, domains, contacts));
        }
    }

    /** 1-64 of [a-z0-9._-], starting with a letter or digit. */
    private static boolean validId(String id) {
        if (id.isEmpty() || id.length() > 64) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-'))) {
                return false;
            }
        }
        return true;
    }

    private void contact(String where, Object node, List<DirectorySnapshot.ContactEntry> out) {
        if (!(node instanceof Map<?, ?> map)) {
            problems.add(where + ": must be a mapping with email, name, role");
            return;
        }
        String email = email(where + ".email", map.get("email"));
        String name = map.get("name") == null ? "" : text(where + ".name", map.get("name"), false);
        ContactRole role = role(where + ".role", map.get("role"));
        boolean active = flag(where + ".active", map.get("active"));
        String certificate = map.get("smime-certificate") == null ? null
                : text(where + ".smime-certificate", map.get("smime-certificate"), false, MAX_CERTIFICATE_CHARS);
        if (certificate != null) {
            try {
                PinnedCertificate.fromPem(certificate);
            } catch (IllegalArgumentException e) {
                problems.add(where + ".smime-certificate: " + e.getMessage());
            }
        }
        if (email != null && role != null) {
            out.add(new DirectorySnapshot.ContactEntry(email, name == null ? "" : name, role, active, certificate));
        }
    }

    private String text(String where, Object value, boolean required) {
        return text(where, value, required, MAX_TEXT_CHARS);
    }

    private String text(String where, Object value, boolean required, int maxChars) {
        if (value == null) {
            if (required) {
                problems.add(where + ": missing");
            }
            return null;
        }
        if (!(value instanceof String || value instanceof Number)) {
            problems.add(where + ": must be text");
            return null;
        }
        String text = value.toString().strip();
        if (text.length() > maxChars || text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            problems.add(where + ": too long or has control characters");
            return null;
        }
        if (required && text.isEmpty()) {
            problems.add(where + ": must not be empty");
            return null;
        }
        return text;
    }

    private boolean flag(String where, Object value) {
        if (value == null) {
            return true;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        problems.add(where + ": must be true or false");
        return true;
    }

    private List<?> list(String where, Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list;
        }
        problems.add(where + ": must be a list");
        return List.of();
    }

    private String domain(String where, Object value) {
        String text = text(where, value, true);
        if (text == null) {
            return null;
        }
        try {
            String ascii = IDN.toASCII(text, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
            if (ascii.endsWith(".")) {
                ascii = ascii.substring(0, ascii.length() - 1);
            }
            if (ascii.length() > 253 || !ascii.contains(".") || ascii.startsWith(".") || ascii.contains("..")) {
                problems.add(where + ": '" + text + "' is not a domain name");
                return null;
            }
            return ascii;
        } catch (IllegalArgumentException e) {
            problems.add(where + ": '" + text + "' is not a domain name");
            return null;
        }
    }

    private String email(String where, Object value) {
        String text = text(where, value, true);
        if (text == null) {
            return null;
        }
        int at = text.lastIndexOf('@');
        if (at <= 0 || at > 64 || text.chars().anyMatch(c -> c <= ' ' || c == '<' || c == '>' || c == ',' || c == ';')) {
            problems.add(where + ": '" + text + "' is not an email address");
            return null;
        }
        String domain = domain(where, text.substring(at + 1));
        return domain == null ? null : text.substring(0, at).toLowerCase(Locale.ROOT) + "@" + domain;
    }

    private ContactRole role(String where, Object value) {
        if (value == null) {
            return ContactRole.TECHNICAL;
        }
        String text = text(where, value, true);
        if (text == null) {
            return null;
        }
        for (ContactRole role : ContactRole.values()) {
            if (role.id().equals(text.toLowerCase(Locale.ROOT))) {
                return role;
            }
        }
        problems.add(where + ": '" + text + "' is not one of admin, technical, billing, other");
        return null;
    }
}

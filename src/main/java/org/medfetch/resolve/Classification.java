package org.medfetch.resolve;

import java.util.List;

/**
 * The offline verdict on one link: its class, the resolver that owns it, and what a person needs to
 * know (instructions for manual steps or credentials, or the reason it is unavailable).
 *
 * @param instructions null when nothing needs a person
 * @param reason       why the link is unavailable; null otherwise
 * @param issues       problems worth a lint report even when the link is usable
 */
public record Classification(
        LinkClass linkClass, String resolver, Instructions instructions, String reason, List<LinkIssue> issues) {

    public Classification {
        issues = List.copyOf(issues);
    }

    public static Classification of(LinkClass linkClass, String resolver) {
        return new Classification(linkClass, resolver, null, null, List.of());
    }

    public static Classification manual(String resolver, Instructions instructions) {
        return new Classification(LinkClass.MANUAL, resolver, instructions, null, List.of());
    }

    public static Classification unavailable(String resolver, String reason, LinkIssue issue) {
        return new Classification(LinkClass.UNAVAILABLE, resolver, null, reason, List.of(issue));
    }

    public Classification withInstructions(Instructions more) {
        return new Classification(linkClass, resolver, more, reason, issues);
    }

    public Classification withIssue(LinkIssue issue) {
        List<LinkIssue> all = new java.util.ArrayList<>(issues);
        all.add(issue);
        return new Classification(linkClass, resolver, instructions, reason, all);
    }
}

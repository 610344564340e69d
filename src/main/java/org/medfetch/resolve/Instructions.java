package org.medfetch.resolve;

import java.util.List;

/**
 * Steps a person can follow, written for one dataset: exact URLs, codes and commands.
 *
 * @param summary one line saying why a person is needed
 * @param steps   numbered steps, each one action
 */
public record Instructions(String summary, List<String> steps) {

    public Instructions {
        steps = List.copyOf(steps);
    }

    public String render() {
        StringBuilder out = new StringBuilder(summary);
        for (int i = 0; i < steps.size(); i++) {
            out.append(System.lineSeparator()).append("  ").append(i + 1).append(". ").append(steps.get(i));
        }
        return out.toString();
    }
}

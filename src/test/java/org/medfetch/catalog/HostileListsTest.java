package org.medfetch.catalog;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** No input, however odd, makes reading a catalog throw: the user gets entries or problems. */
class HostileListsTest {

    private static final List<String> PIECES = List.of("|", "| Dataset | Link |\n|---|---|\n", "- ", "* ", "1. ", "> ",
            "#", "## ", "\n", "\n\n", "  ", "\t", "[", "]", "(", ")", "![", "<a href=\"", "\">", "</a>", "<a href=x>",
            "<table>", "<tr>", "<td>", "</td>", "</tr>", "</table>", "<details>", "</details>", "<!--", "-->", "**", "__",
            "```", "https://", "http://x.org/", "www.", "magnet:?xt=", "Access: ", "Paper: ", "下载：", "链接", "官网",
            "name", "link", ",", "\"", "{", "}", "&amp;", "&#", "\\", "`", "***", "---", "<br>", "<b>", "</b>", "é", "😀");

    @Test
    void randomFragmentsOfListsNeverThrow() {
        Random random = new Random(42);
        CatalogLoader loader = new CatalogLoader();
        for (int run = 0; run < 400; run++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(60);
            for (int i = 0; i < pieces; i++) {
                text.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            for (String origin : List.of("list.md", "list.csv", "list.tsv", "list.jsonl")) {
                String input = text.toString();
                assertNotNull(assertDoesNotThrow(() -> loader.parse(CatalogText.of(origin, input)), input));
            }
        }
    }

    @Test
    void deepNestingAndHugeLinesAreReadWithoutOverflow() {
        List<String> inputs = new ArrayList<>();
        inputs.add("- ".repeat(5_000) + "[A](https://a.org)\n");
        inputs.add("> ".repeat(5_000) + "- [A](https://a.org)\n");
        inputs.add("*".repeat(20_000) + "A" + "*".repeat(20_000) + "\nAccess: https://a.org\n");
        inputs.add("[".repeat(20_000) + "A" + "](https://a.org)".repeat(2_000) + "\n");
        inputs.add("<a href=\"https://a.org\">".repeat(10_000) + "\n");
        inputs.add("| Dataset | Link |\n|---|---|\n| A | " + "x".repeat(1_000_000) + " https://a.org |\n");
        inputs.add("<table>".repeat(5_000) + "<tr><td>Dataset</td><td>Link</td></tr>".repeat(1_000));
        inputs.add("{".repeat(100_000));
        CatalogLoader loader = new CatalogLoader();
        for (String input : inputs) {
            for (String origin : List.of("list.md", "list.jsonl")) {
                assertNotNull(assertDoesNotThrow(() -> loader.parse(CatalogText.of(origin, input)),
                        input.substring(0, Math.min(80, input.length()))));
            }
        }
    }
}

package org.medfetch.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.medfetch.resolve.DoiMetadata;
import org.medfetch.resolve.ResolveException;

/**
 * What cite --online fills from records doi.org's agencies sent (Crossref's CSL-JSON and BibTeX,
 * recorded by habanero; sources in api/README.md), and what it leaves alone.
 */
class OnlineCitationsTest {

    private static final String WATER = "10.1126/science.169.3946.635";
    private static final String GRID = "10.1139/cjc-2022-0282";

    private final List<String> asked = new ArrayList<>();

    private static String recorded(String name) {
        try (InputStream in = OnlineCitationsTest.class.getResourceAsStream("/api/recorded/doi/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Crossref as recorded: the water paper in both formats, the grid paper in BibTeX only. */
    private final DoiMetadata crossref = (doi, type) -> {
        asked.add(doi + " " + type);
        if (doi.equals(WATER)) {
            return Optional.of(recorded(type.equals(DoiRecord.CSL_JSON) ? "science.169.3946.635.csl.json"
                    : "science.169.3946.635.bib"));
        }
        if (doi.equals(GRID)) {
            return type.equals(DoiRecord.BIBTEX) ? Optional.of(recorded("cjc-2022-0282.bib")) : Optional.empty();
        }
        throw new ResolveException("doi.org knows no DOI " + doi + " (HTTP 404)", false);
    };

    private static Reference paper(String key, String doi, List<String> authors, String volume) {
        return new Reference(key, Reference.Kind.ARTICLE, "A title we keep", authors, null, null, volume, null, null,
                null, null, doi, "https://doi.org/" + doi, "CC BY 4.0", "the registry");
    }

    @Test
    void onlyWhatIsMissingIsFilledAndCutShortAuthorListsAreCompleted() {
        Reference water = paper("water", WATER, List.of("Frank, H.", "others"), "170");
        Reference grid = paper("grid", GRID, List.of("Zupan, Hana", "others"), null);
        OnlineCitations.Result result = new OnlineCitations(crossref).complete(List.of(water, grid));
        assertEquals(Outcome.SUCCESS, result.outcome());
        assertEquals(List.of(), result.problems());
        Reference w = result.references().get(0);
        assertEquals("A title we keep", w.title());
        assertEquals("170", w.volume(), "a value the reference has stays");
        assertEquals(List.of("Frank, Henry S."), w.authors(), "the record names all its authors");
        assertEquals("1970", w.year());
        assertEquals("Science", w.container());
        assertEquals("3946", w.issue());
        assertEquals("635--641", w.pages());
        assertEquals("American Association for the Advancement of Science (AAAS)", w.publisher());
        assertEquals("CC BY 4.0", w.license(), "a paper's record never replaces the dataset's terms");
        assertTrue(w.origin().startsWith("the registry; completed from the DOI record"), w.origin());
        Reference g = result.references().get(1);
        assertEquals(List.of("Zupan, Hana", "Heinz, Frederick", "Keller, Bettina G."), g.authors());
        assertEquals("101", g.volume());
        assertEquals("710--724", g.pages(), "an en dash becomes BibTeX's double hyphen");
        assertEquals("Canadian Journal of Chemistry", g.container());
        assertEquals(List.of(WATER + " " + DoiRecord.CSL_JSON, GRID + " " + DoiRecord.CSL_JSON, GRID + " "
                + DoiRecord.BIBTEX), asked, "CSL-JSON first; BibTeX only where no CSL-JSON is served");
    }

    @Test
    void aReferenceKnownOnlyByItsDoiLinkBecomesTheRecordAndEachDoiIsAskedOnce() {
        Reference unknown = new Reference("water", Reference.Kind.UNKNOWN, "Water (catalog name)", List.of(), null, null,
                null, null, null, null, null, WATER, "https://doi.org/" + WATER, null, "citation unknown");
        Reference again = paper("water-again", WATER, List.of(), null);
        OnlineCitations.Result result = new OnlineCitations(crossref).complete(List.of(unknown, again));
        Reference r = result.references().get(0);
        assertEquals(Reference.Kind.ARTICLE, r.kind(), "Crossref's journal-article");
        assertEquals("The Structure of Ordinary Water", r.title());
        assertEquals(List.of("Frank, Henry S."), r.authors());
        assertEquals("https://doi.org/" + WATER, r.url(), "the link it was found by");
        assertEquals("the DOI record doi.org gave", r.origin());
        assertEquals(List.of("Frank, Henry S."), result.references().get(1).authors());
        assertEquals(1, asked.size(), asked.toString());
    }

    @Test
    void failuresLeaveTheOfflineReferenceAndSayWhyOneLineEach() {
        Reference gone = paper("gone", "10.1126/foo", List.of("Nobody"), null);
        Reference noDoi = new Reference("notes", Reference.Kind.UNKNOWN, "notes", List.of(), null, null, null, null,
                null, null, null, null, "https://example.org/notes.zip", null, "citation unknown");
        OnlineCitations.Result fatal = new OnlineCitations(crossref).complete(List.of(gone, noDoi));
        assertEquals(Outcome.FATAL, fatal.outcome());
        assertEquals(List.of("gone: doi.org knows no DOI 10.1126/foo (HTTP 404); the citation known offline is printed"),
                fatal.problems(), "nothing to say about a reference without a DOI");
        assertEquals(List.of(gone, noDoi), fatal.references());

        List<String> tries = new ArrayList<>();
        DoiMetadata offline = (doi, type) -> {
            tries.add(doi);
            throw new ResolveException("cannot reach doi.org (doi.org): Connection refused", true);
        };
        OnlineCitations.Result retry = new OnlineCitations(offline).complete(List.of(paper("a", WATER, List.of(), null),
                paper("b", GRID, List.of(), null)));
        assertEquals(Outcome.RETRYABLE, retry.outcome());
        assertEquals(2, retry.problems().size());
        assertTrue(retry.problems().get(1).startsWith("b: cannot reach doi.org"), retry.problems().toString());
        assertEquals(List.of(WATER), tries, "an unreachable doi.org is not asked again in the same run");
    }
}

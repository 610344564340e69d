package org.medfetch.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.medfetch.resolve.DoiMetadata;
import org.medfetch.resolve.ResolveException;

/**
 * cite --online: each reference with a DOI is completed from the DOI's own record (content negotiation
 * at doi.org), filling only what it lacks; a reference that knew nothing but a DOI link becomes the
 * record. A failure leaves the reference as it was known offline and says so in one line.
 */
public final class OnlineCitations {

    /**
     * @param problems one line per reference that could not be completed, naming it
     * @param outcome  RETRYABLE when doi.org could not be reached or failed, FATAL when it has no usable
     *                 record for a DOI, else SUCCESS
     */
    public record Result(List<Reference> references, List<String> problems, Outcome outcome) {
    }

    private final DoiMetadata doi;

    public OnlineCitations(DoiMetadata doi) {
        this.doi = doi;
    }

    public Result complete(List<Reference> references) {
        Map<String, Reference> records = new HashMap<>();
        List<Reference> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Outcome outcome = Outcome.SUCCESS;
        ResolveException unreachable = null;
        for (Reference r : references) {
            if (r.doi() == null) {
                out.add(r);
                continue;
            }
            try {
                if (unreachable != null) {
                    throw unreachable;
                }
                Reference record = records.get(r.doi().toLowerCase(Locale.ROOT));
                if (record == null) {
                    record = record(r.doi());
                    records.put(r.doi().toLowerCase(Locale.ROOT), record);
                }
                out.add(r.kind() == Reference.Kind.UNKNOWN ? r.identifiedBy(record, "the DOI record doi.org gave")
                        : r.completedBy(record, "completed from the DOI record doi.org gave"));
            } catch (ResolveException e) {
                // After one retryable failure doi.org is not asked again in this run: every other
                // reference would wait for the same timeout.
                unreachable = e.retryable() ? e : null;
                problems.add(r.key() + ": " + e.getMessage() + "; the citation known offline is printed");
                outcome = outcome.worse(e.retryable() ? Outcome.RETRYABLE : Outcome.FATAL);
                out.add(r);
            }
        }
        return new Result(out, problems, outcome);
    }

    /** The DOI's record, as CSL-JSON where the agency serves it, else as BibTeX. */
    private Reference record(String id) throws ResolveException {
        Optional<String> csl = doi.record(id, DoiRecord.CSL_JSON);
        if (csl.isPresent()) {
            try {
                return DoiRecord.fromCsl(csl.get());
            } catch (IllegalArgumentException unreadable) {
                // The agency labelled something else as CSL-JSON; its BibTeX may still be good.
            }
        }
        Optional<String> bibtex = doi.record(id, DoiRecord.BIBTEX);
        if (bibtex.isEmpty()) {
            throw new ResolveException("doi.org has no CSL-JSON or BibTeX record for " + id
                    + " (its registration agency answered with neither)", false);
        }
        try {
            return DoiRecord.fromBibtex(bibtex.get());
        } catch (IllegalArgumentException e) {
            throw new ResolveException("the record doi.org gave for " + id + " is neither CSL-JSON nor BibTeX ("
                    + e.getMessage() + ")", false);
        }
    }
}

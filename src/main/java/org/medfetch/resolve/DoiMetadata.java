package org.medfetch.resolve;

import java.net.URI;
import java.util.Optional;

/**
 * A DOI's metadata in a citation format, as its registration agency (Crossref, DataCite, mEDRA) serves
 * it through content negotiation at doi.org. The composition root supplies the HTTP implementation;
 * {@code --endpoint doi=URL} replaces the base URL.
 */
public interface DoiMetadata {

    /** The endpoint name of {@code --endpoint NAME=URL} and MEDFETCH_ENDPOINT_DOI. */
    String NAME = "doi";
    URI DEFAULT_BASE = URI.create("https://doi.org");

    /**
     * @param mediaType what to ask for in the Accept header, e.g. application/x-bibtex
     * @return the record, or empty when the agency does not serve this DOI in that format (it answers
     *         406 or sends the landing page instead)
     * @throws ResolveException when the DOI is unknown (fatal), or doi.org or the agency cannot be
     *                          reached or fails (retryable)
     */
    Optional<String> record(String doi, String mediaType) throws ResolveException;
}

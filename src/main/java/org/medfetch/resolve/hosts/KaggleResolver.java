package org.medfetch.resolve.hosts;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.catalog.CatalogProblem;
import org.medfetch.catalog.DatasetIds;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.Instructions;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.LinkIssue;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;

/**
 * Kaggle datasets and competitions, through the Kaggle REST API with the user's own credentials.
 * Competitions also need their rules accepted on the website, which no API can do.
 *
 * <p>Reference: https://github.com/Kaggle/kaggle-api (kaggle/api/kaggle_api.py, kaggle_api_extended.py)
 */
public final class KaggleResolver implements Resolver {

    public static final String NAME = "kaggle";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && HostName.within(link, "kaggle.com");
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        KaggleLink kaggle = KaggleLink.parse(link);
        if (kaggle == null) {
            String reason = link + " is neither a Kaggle dataset (/datasets/OWNER/NAME) nor a competition (/c/NAME)";
            return Classification.unavailable(NAME, reason,
                    new LinkIssue(CatalogProblem.Kind.MALFORMED_LINK, reason, "link the dataset or competition page"));
        }
        Classification result = Classification.of(LinkClass.API, NAME).withInstructions(instructions(entry, kaggle));
        return cutShort(entry, kaggle) ? result.withIssue(new LinkIssue(CatalogProblem.Kind.TRUNCATED_LINK,
                "the Kaggle slug '" + kaggle.slug() + "' looks cut short for '" + entry.name() + "'",
                "find the full slug at https://www.kaggle.com/search?q="
                        + URLEncoder.encode(entry.name(), StandardCharsets.UTF_8) + " and fix the link")) : result;
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) throws ResolveException {
        KaggleLink kaggle = KaggleLink.parse(link);
        if (kaggle == null) {
            return new Resolution.Unavailable(classify(entry, link).reason());
        }
        return new Resolution.Manual(instructions(entry, kaggle));
    }

    /**
     * A slug that is a strict prefix of the dataset's name, continuing with a letter: {@code rsna} for
     * "RSNA Intracranial Hemorrhage" or {@code id} for "IDRiD", but not {@code retouch} for "RETOUCH2017".
     */
    static boolean cutShort(CatalogEntry entry, KaggleLink kaggle) {
        String slug = compact(kaggle.slug());
        String name = compact(entry.name());
        return !slug.isEmpty() && name.length() > slug.length() && name.startsWith(slug)
                && Character.isLetter(name.charAt(slug.length()));
    }

    private static String compact(String text) {
        return DatasetIds.slug(text).replace("-", "");
    }

    static Instructions instructions(CatalogEntry entry, KaggleLink kaggle) {
        List<String> steps = new ArrayList<>();
        steps.add("Create a Kaggle API token: https://www.kaggle.com → Account (Settings) → API → Create New Token; "
                + "this downloads kaggle.json");
        steps.add("Put kaggle.json in ~/.kaggle/ (chmod 600 ~/.kaggle/kaggle.json), or export KAGGLE_USERNAME and "
                + "KAGGLE_KEY, or export KAGGLE_API_TOKEN (from kaggle auth login; kaggle auth print-access-token)");
        if (kaggle.competition()) {
            steps.add("Accept the competition's rules while logged in: open " + kaggle.page()
                    + "/rules and click Join Competition (or Late Submission for a closed one)");
        }
        steps.add("Then run: medfetch add " + entry.id());
        String what = kaggle.competition() ? "Kaggle competition " : "Kaggle dataset ";
        return new Instructions(what + kaggle.ref() + ": automatic with your Kaggle credentials"
                + (kaggle.competition() ? " once you have accepted its rules." : "."), steps);
    }
}

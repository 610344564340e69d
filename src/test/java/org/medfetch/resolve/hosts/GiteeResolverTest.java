package org.medfetch.resolve.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;

class GiteeResolverTest extends ResolverContract {

    static final String GASHIS = "https://gitee.com/neuhwm/GasHisSDB";

    @Override
    protected FakeHost fake() {
        return new GiteeFake();
    }

    @Override
    protected Resolver resolver(HostContext context) {
        return new GiteeResolver(context);
    }

    @Override
    protected List<String> ownLinks() {
        return List.of(GASHIS);
    }

    @Override
    protected String resolvableLink() {
        return GASHIS + "#https://gitee.c";
    }

    @Test
    void defaultBranchArchive() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(GASHIS + "#https://gitee.c"));
        Source.HttpSource zip = (Source.HttpSource) fetch.sources().get(0);
        assertEquals("GasHisSDB-master.zip", zip.path());
        assertEquals("https://gitee.com/neuhwm/GasHisSDB/repository/archive/master.zip", zip.url().toString());
        assertTrue(fetch.notes().summary().contains("git clone https://gitee.com/neuhwm/GasHisSDB.git"),
                fetch.notes().summary());
    }

    @Test
    void anyOtherAnswerBecomesCloneSteps() throws ResolveException {
        Resolution.Manual manual = assertInstanceOf(Resolution.Manual.class, resolve("https://gitee.com/odd/repo"));
        String text = manual.instructions().render();
        assertTrue(text.contains("git clone https://gitee.com/odd/repo.git downloads/some-dataset/repo"), text);
        assertTrue(text.contains("no default branch"), text);
    }
}

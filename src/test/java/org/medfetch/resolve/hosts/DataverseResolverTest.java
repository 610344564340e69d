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

class DataverseResolverTest extends ResolverContract {

    static final String HAM = "https://dataverse.harvard.edu/dataset.xhtml?persistentId=doi:10.7910/DVN/DBW86T";

    @Override
    protected FakeHost fake() {
        return new DataverseFake();
    }

    @Override
    protected Resolver resolver(HostContext context) {
        return new DataverseResolver(context);
    }

    @Override
    protected List<String> ownLinks() {
        return List.of(HAM);
    }

    @Override
    protected String resolvableLink() {
        return HAM;
    }

    @Test
    void filesComeFromTheAccessApiWithChecksumsAndFolders() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(HAM));
        Source.HttpSource zip = (Source.HttpSource) fetch.sources().get(0);
        assertEquals("HAM10000_images_part_1.zip", zip.path());
        assertEquals(fake.base() + "api/access/datafile/3172585", zip.url().toString());
        assertEquals(1581474063L, zip.size());
        assertEquals("md5:02a3a0c5d1b3e5f7a9c1e3f5a7c9e1f3", zip.checksums().get(0).toString());
        Source.HttpSource table = (Source.HttpSource) fetch.sources().get(1);
        assertEquals("metadata/HAM10000_metadata.csv", table.path(), "the original upload, in its folder");
        assertEquals(fake.base() + "api/access/datafile/4338392?format=original", table.url().toString());
        assertEquals(563277L, table.size());
        assertEquals("sha1:8c2b8a6e8f2b3c1d4e5f60718293a4b5c6d7e8f9", table.checksums().get(0).toString());
        assertEquals("The HAM10000 dataset, a large collection of multi-source dermatoscopic images of common "
                + "pigmented skin lesions", fetch.info().title());
        assertEquals("10.7910/DVN/DBW86T", fetch.info().doi());
        assertEquals("CC BY-NC 4.0", fetch.info().license());
        assertEquals(HAM, fetch.info().landingPage());
    }

    @Test
    void restrictedFilesNeedAPersonAtTheDatasetPage() throws ResolveException {
        String link = "https://dataverse.harvard.edu/dataset.xhtml?persistentId=doi:10.7910/DVN/RESTR";
        Resolution.Manual manual = assertInstanceOf(Resolution.Manual.class, resolve(link));
        String text = manual.instructions().render();
        assertTrue(text.contains("Open " + link), text);
        assertTrue(text.contains("patients.csv"), text);
    }

    @Test
    void guestbookNeedsAPerson() throws ResolveException {
        Resolution.Manual manual = assertInstanceOf(Resolution.Manual.class,
                resolve("https://dataverse.harvard.edu/dataset.xhtml?persistentId=doi:10.7910/DVN/GUEST"));
        assertTrue(manual.instructions().render().contains("guestbook"), manual.instructions().render());
    }

    @Test
    void termsAnswerNeedsAPerson() throws ResolveException {
        Resolution.Manual manual = assertInstanceOf(Resolution.Manual.class,
                resolve("https://dataverse.harvard.edu/dataset.xhtml?persistentId=doi:10.7910/DVN/TERMS"));
        assertTrue(manual.instructions().render().contains("accept the terms"), manual.instructions().render());
    }
}

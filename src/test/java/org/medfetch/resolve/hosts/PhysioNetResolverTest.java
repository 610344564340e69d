package org.medfetch.resolve.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import okhttp3.Credentials;
import org.junit.jupiter.api.Test;
import org.medfetch.resolve.Authorizer;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;

class PhysioNetResolverTest extends ResolverContract {

    @Override
    protected FakeHost fake() {
        return new PhysioNetFake();
    }

    @Override
    protected Resolver resolver(HostContext context) {
        return new PhysioNetResolver(context);
    }

    @Override
    protected String resolvableLink() {
        return "https://physionet.org/content/mitdb/1.0.0/";
    }

    @Override
    protected boolean readsJson() {
        return false;
    }

    @Test
    void everyFileOfSha256SumsIsASourceWithItsDigest() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve("https://physionet.org/content/mitdb/1.0.0/"));
        assertEquals(List.of("100.atr", "100.dat", "100.hea", "RECORDS", "x_mitdb/x_108.dat"),
                fetch.sources().stream().map(Source::path).toList());
        Source.HttpSource dat = (Source.HttpSource) fetch.sources().get(1);
        assertEquals(fake.base() + "files/mitdb/1.0.0/100.dat", dat.url().toString());
        assertEquals("sha256:2a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809", dat.checksums().get(0).toString());
        assertNull(dat.auth(), "open projects need no credentials");
        assertEquals("1.0.0", fetch.info().version());
        assertEquals(fake.base() + "content/mitdb/1.0.0/", fetch.info().landingPage());
    }

    @Test
    void thePlatformsOwnChecksumFileIsRead() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve("https://physionet.org/files/demopsn/1.0/"));
        assertEquals("parse.py", fetch.sources().get(0).path());
        assertEquals("sha256:22fa71873c487c932c64565a1fad4d329d6bd270b5a0c18c1260fae7e67f4dc4",
                ((Source.HttpSource) fetch.sources().get(0)).checksums().get(0).toString());
    }

    @Test
    void aLinkWithoutVersionTakesTheLatestFromTheProjectPage() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve("https://physionet.org/content/mitdb/"));
        assertEquals(5, fetch.sources().size());
        assertEquals(1, fake.to("/content/mitdb/").size());
    }

    @Test
    void oldPhysioBankAndChallengeLinksNameTheirProjects() {
        assertEquals(new PhysioNetResolver.Project("mimiccxr", null),
                PhysioNetResolver.project(URI.create("https://physionet.org/physiobank/database/mimiccxr/")));
        assertEquals(new PhysioNetResolver.Project("challenge-2019", null),
                PhysioNetResolver.project(URI.create("https://physionet.org/challenge/2019/")));
        assertNull(PhysioNetResolver.project(URI.create("https://physionet.org/about/")));
    }

    @Test
    void aCredentialedProjectWithoutAnAccountIsTheAccessSteps() throws ResolveException {
        Resolution.Manual manual = assertInstanceOf(Resolution.Manual.class,
                resolve("https://physionet.org/content/mimic-cxr-jpg/2.1.0/"));
        String text = manual.instructions().render();
        assertTrue(text.contains("https://physionet.org/register/"), text);
        assertTrue(text.contains("credentialing"), text);
        assertTrue(text.contains("https://physionet.org/sign-dua/mimic-cxr-jpg/2.1.0/"), text);
        assertTrue(text.contains("PHYSIONET_USERNAME"), text);
    }

    @Test
    void anAccountIsSentAsWgetSendsItAndItsFilesNeedIt() throws ResolveException {
        Resolver withAccount = resolver(context(Map.of("PHYSIONET_USERNAME", PhysioNetFake.USER,
                "PHYSIONET_PASSWORD", PhysioNetFake.PASSWORD)));
        String link = "https://physionet.org/content/mimic-cxr-jpg/2.1.0/";
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, withAccount.resolve(entry(link), URI.create(link)));
        Source.HttpSource file = (Source.HttpSource) fetch.sources().get(0);
        assertEquals(PhysioNetResolver.NAME, file.auth());
        Authorizer.Authorized authorized = new HostAuthorizer(List.of(withAccount)).authorize(file.auth(), file.url());
        assertEquals(Credentials.basic(PhysioNetFake.USER, PhysioNetFake.PASSWORD), authorized.headers().get("Authorization"));
        assertTrue(authorized.headers().get("User-Agent").startsWith("Wget/"));
        ResolveException elsewhere = assertThrows(ResolveException.class, () -> new HostAuthorizer(List.of(withAccount))
                .authorize(PhysioNetResolver.NAME, URI.create("https://example.org/steal")));
        assertTrue(elsewhere.getMessage().startsWith("refusing to send PhysioNet credentials"), elsewhere.getMessage());
    }

    @Test
    void aRefusedAccountSaysItLacksAccess() throws ResolveException {
        Resolver wrong = resolver(context(Map.of("PHYSIONET_USERNAME", "other", "PHYSIONET_PASSWORD", "x")));
        String link = "https://physionet.org/content/mimic-cxr-jpg/2.1.0/";
        Resolution.Manual manual = assertInstanceOf(Resolution.Manual.class, wrong.resolve(entry(link), URI.create(link)));
        assertTrue(manual.instructions().summary().contains("refused your account"), manual.instructions().summary());
    }

    @Test
    void aLineThatIsNotADigestAndPathIsAClearError() {
        fake.answerEverything(FakeHost.status(200, "<html>not a checksum file</html>"));
        ResolveException e = assertThrows(ResolveException.class, () -> resolve("https://physionet.org/content/mitdb/1.0.0/"));
        assertTrue(e.getMessage().startsWith("unexpected answer from PhysioNet"), e.getMessage());
    }
}

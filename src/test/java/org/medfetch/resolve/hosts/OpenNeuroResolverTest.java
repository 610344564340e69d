package org.medfetch.resolve.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;

class OpenNeuroResolverTest extends ResolverContract {

    @Override
    protected FakeHost fake() {
        return new OpenNeuroFake();
    }

    @Override
    protected Resolver resolver(HostContext context) {
        return new OpenNeuroResolver(context);
    }

    @Override
    protected String resolvableLink() {
        return "https://openneuro.org/datasets/ds000001/versions/1.0.0";
    }

    @Test
    void theSnapshotsTreeIsWalkedDirectoryByDirectory() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve(resolvableLink()));
        assertEquals(List.of("CHANGES", "README", "dataset_description.json", "sub-01/anat/sub-01_T1w.nii.gz",
                "sub-01/func/sub-01_task-balloonanalogrisktask_run-01_events.tsv"),
                fetch.sources().stream().map(Source::path).toList());
        Source.HttpSource changes = (Source.HttpSource) fetch.sources().get(0);
        assertEquals(273L, changes.size());
        assertEquals(List.of(), changes.checksums(), "a git blob id is no checksum of the file");
        assertEquals(fake.base() + "crn/datasets/ds000001/snapshots/1.0.0/files/CHANGES", changes.url().toString());
        Source.HttpSource t1 = (Source.HttpSource) fetch.sources().get(3);
        assertEquals("sha256:a6b1b4b2c2d6a3f0e9c8b7a6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6", t1.checksums().get(0).toString());
        assertEquals(fake.base() + "crn/datasets/ds000001/snapshots/1.0.0/files/sub-01:anat:sub-01_T1w.nii.gz",
                t1.url().toString(), "without urls, OpenNeuro's own snapshot file route");
        Source.HttpSource events = (Source.HttpSource) fetch.sources().get(4);
        assertTrue(events.url().toString().startsWith("https://s3.amazonaws.com/openneuro.org/ds000001/sub-01/func/"),
                events.url().toString());
        assertEquals("1.0.0", fetch.info().version());
        assertEquals("10.18112/openneuro.ds000001.v1.0.0", fetch.info().doi());
        assertEquals(fake.base() + "datasets/ds000001/versions/1.0.0", fetch.info().landingPage());
    }

    @Test
    void withoutAVersionTheLatestSnapshotIsPinned() throws ResolveException {
        Resolution.Fetch fetch = assertInstanceOf(Resolution.Fetch.class, resolve("https://openneuro.org/datasets/ds000001"));
        assertEquals("1.0.0", fetch.info().version());
        assertEquals(5, fetch.sources().size());
    }

    @Test
    void aMissingSnapshotIsAFatalErrorWithOpenNeurosWords() {
        ResolveException e = assertThrows(ResolveException.class,
                () -> resolve("https://openneuro.org/datasets/ds000001/versions/9.9.9"));
        assertTrue(e.getMessage().contains("Snapshot ds000001:9.9.9 not found") && !e.retryable(), e.getMessage());
    }
}

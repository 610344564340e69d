package org.medfetch.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EndpointsTest {

    static final List<String> VALID = List.of("zenodo", "hyper-ai", "kaggle");

    @Test
    void optionWinsOverTheVariableWhichWinsOverTheDefault() {
        Endpoints endpoints = Endpoints.of(Map.of("zenodo", "http://127.0.0.1:8080/"),
                Map.of("MEDFETCH_ENDPOINT_ZENODO", "http://127.0.0.1:9090", "MEDFETCH_ENDPOINT_HYPER_AI",
                        "https://mirror.example.org/hyper/", "PATH", "/usr/bin"));
        endpoints.requireKnown(VALID);
        assertEquals(URI.create("http://127.0.0.1:8080"), endpoints.base("zenodo", URI.create("https://zenodo.org")));
        assertEquals(URI.create("https://mirror.example.org/hyper"), endpoints.base("hyper-ai", null));
        assertEquals(URI.create("https://www.kaggle.com/api/v1"),
                endpoints.base("kaggle", URI.create("https://www.kaggle.com/api/v1")));
        assertEquals(Optional.empty(), endpoints.chosen("kaggle"));
    }

    @Test
    void unknownNamesAreRejectedNamingTheValidOnes() {
        IllegalArgumentException option = assertThrows(IllegalArgumentException.class,
                () -> Endpoints.of(Map.of("zenodoo", "http://x"), Map.of()).requireKnown(VALID));
        assertTrue(option.getMessage().contains("use one of zenodo, hyper-ai, kaggle"), option.getMessage());
        IllegalArgumentException variable = assertThrows(IllegalArgumentException.class,
                () -> Endpoints.of(Map.of(), Map.of("MEDFETCH_ENDPOINT_HYPERAI", "http://x")).requireKnown(VALID));
        assertTrue(variable.getMessage().contains("MEDFETCH_ENDPOINT_HYPER_AI"), variable.getMessage());
    }

    @Test
    void onlyPlainHttpUrlsAreEndpoints() {
        for (String bad : List.of("ftp://x", "127.0.0.1:8080", "http://user:pw@host", "http://host/?q=1", "http:// bad")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Endpoints.of(Map.of("zenodo", bad), Map.of()), bad);
            assertTrue(e.getMessage().startsWith("--endpoint zenodo="), e.getMessage());
        }
        assertEquals("MEDFETCH_ENDPOINT_HYPER_AI", Endpoints.variable("hyper-ai"));
    }

    @Test
    void aHostsOwnVariableComesAfterBothOfMedfetchsAndBeforeTheDefault() {
        Host hub = Host.named("huggingface", "api").api("https://huggingface.co").endpointVariable("HF_ENDPOINT");
        Map<String, String> env = Map.of("HF_ENDPOINT", "https://hf-mirror.com/");
        assertEquals(Optional.of(URI.create("https://hf-mirror.com")), Endpoints.of(Map.of(), env).chosen(hub));
        assertEquals(Optional.of(URI.create("http://127.0.0.1:7000")), Endpoints.of(Map.of(),
                Map.of("HF_ENDPOINT", "https://hf-mirror.com", "MEDFETCH_ENDPOINT_HUGGINGFACE", "http://127.0.0.1:7000"))
                .chosen(hub));
        assertEquals(Optional.of(URI.create("http://127.0.0.1:8000")), Endpoints.of(
                Map.of("huggingface", "http://127.0.0.1:8000"), Map.of("HF_ENDPOINT", "https://hf-mirror.com",
                        "MEDFETCH_ENDPOINT_HUGGINGFACE", "http://127.0.0.1:7000")).chosen(hub));
        assertEquals(Optional.empty(), Endpoints.of(Map.of(), Map.of()).chosen(hub));
        Host other = Host.named("zenodo", "api").api("https://zenodo.org");
        assertEquals(Optional.empty(), Endpoints.of(Map.of(), env).chosen(other), "only the host that names it reads it");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> Endpoints.of(Map.of(), Map.of("HF_ENDPOINT", "hf-mirror.com")).chosen(hub));
        assertTrue(bad.getMessage().startsWith("HF_ENDPOINT=hf-mirror.com: "), bad.getMessage());
    }
}

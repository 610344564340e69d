package org.medfetch.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.Classification;
import org.medfetch.workflow.ClassifiedEntry;

/** The fields of a classified entry as a JSON object, in a stable order. */
final class EntryFields {

    private EntryFields() {
    }

    static Map<String, Object> of(ClassifiedEntry classified) {
        CatalogEntry e = classified.entry();
        Classification c = classified.classification();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", e.id());
        map.put("name", e.name());
        map.put("section", e.section());
        map.put("task", e.task());
        map.put("part", e.part());
        map.put("format", e.format());
        map.put("count", e.count());
        map.put("link", e.link());
        map.put("links", e.links().stream().map(l -> {
            Map<String, Object> link = new LinkedHashMap<>();
            link.put("label", l.label());
            link.put("url", l.url());
            return link;
        }).toList());
        map.put("host", classified.host());
        map.put("class", c.linkClass().label());
        map.put("resolver", c.resolver());
        map.put("mirror", classified.mirrored());
        map.put("effective_class", classified.effectiveClass().label());
        map.put("access", classified.access());
        map.put("modality", classified.modality());
        map.put("line", e.line());
        return map;
    }

    static Map<String, Object> withVerdict(ClassifiedEntry classified) {
        Map<String, Object> map = of(classified);
        Classification c = classified.classification();
        map.put("reason", c.reason());
        map.put("instructions", c.instructions() == null ? null : Map.of(
                "summary", c.instructions().summary(), "steps", c.instructions().steps()));
        map.put("mirrors", classified.mirrors().stream().map(m -> {
            Map<String, Object> mirror = new java.util.LinkedHashMap<>();
            mirror.put("label", m.label());
            mirror.put("use", m.use().label());
            mirror.put("class", m.linkClass().label());
            mirror.put("link", m.link());
            mirror.put("files", m.rows().size());
            mirror.put("source_of_fact", m.rows().get(0).source());
            return mirror;
        }).toList());
        map.put("notes", classified.notes().stream().map(n -> n.text() + " (" + n.source() + ")").toList());
        return map;
    }
}

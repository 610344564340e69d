package org.medfetch.catalog;

import java.util.List;
import java.util.Locale;

/** What a catalog table column holds, recognised from its header in Chinese or English. */
enum ColumnRole {
    NAME(List.of("数据集", "名称", "dataset", "name", "title")),
    TASK(List.of("任务", "task")),
    PART(List.of("部位", "器官", "body part", "part", "organ", "region", "anatomy")),
    FORMAT(List.of("格式", "format", "dimension", "type")),
    COUNT(List.of("数量", "count", "number", "size", "images", "cases", "samples", "#")),
    LINK(List.of("链接", "下载", "地址", "link", "url", "download", "source", "homepage"));

    private final List<String> words;

    ColumnRole(List<String> words) {
        this.words = words;
    }

    /**
     * The role a header names, or null. The link role is tested first so that "下载链接" or
     * "Dataset link" is a link column rather than a name column.
     */
    static ColumnRole of(String header) {
        String h = header.strip().toLowerCase(Locale.ROOT);
        if (h.isEmpty()) {
            return null;
        }
        if (LINK.matches(h)) {
            return LINK;
        }
        for (ColumnRole role : values()) {
            if (role.matches(h)) {
                return role;
            }
        }
        return null;
    }

    private boolean matches(String header) {
        return words.stream().anyMatch(header::contains);
    }
}

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
    LINK(List.of("链接", "下载", "地址", "官网", "主页", "网址", "link", "url", "download", "website", "homepage",
            "home page", "web page", "webpage")),
    LICENSE(List.of("license", "licence", "许可", "协议")),
    SECTION(List.of("section", "category"));

    /** Headers that name a link column only when they are the whole header: "Data", "Access", "Source". */
    private static final List<String> LINK_ALONE = List.of("data", "access", "source", "data access", "data source",
            "data link", "source link");

    private final List<String> words;

    ColumnRole(List<String> words) {
        this.words = words;
    }

    /**
     * The role a header names, or null. The licence and link roles are tested first so that "下载链接" or
     * "Dataset link" is a link column rather than a name column, and "License link" neither.
     */
    static ColumnRole of(String header) {
        String h = header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", " ").replaceAll("[:：*]+$", "").strip();
        if (h.isEmpty()) {
            return null;
        }
        if (LICENSE.matches(h)) {
            return LICENSE;
        }
        if (LINK.matches(h) || LINK_ALONE.contains(h)) {
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

package org.medfetch.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words of dataset lists, in English and Chinese: link texts that name nothing, labels that tell a
 * data link from a paper, and headings of sections that hold no datasets.
 */
final class Vocabulary {

    /** How much a label promises data: download links first, papers last. */
    enum Rank { DATA, PAGE, OTHER, PAPER }

    private static final Set<String> GENERIC = Set.of("link", "links", "here", "click", "this", "download",
            "downloads", "website", "websites", "web", "site", "webpage", "homepage", "home", "page", "project",
            "official", "github", "gitlab", "code", "data", "dataset", "datasets", "database", "paper", "papers",
            "pdf", "arxiv", "doi", "url", "source", "access", "more", "details", "info", "information",
            "overview", "view", "the", "a", "an", "to", "see", "get", "for", "and", "of", "on", "at", "in", "via",
            "mirror", "request", "form", "repo", "repository", "readme", "leaderboard");
    private static final List<String> GENERIC_ZH = List.of("官方网站", "下载地址", "下载链接", "数据集", "数据", "下载",
            "链接", "地址", "官网", "主页", "网址", "网站", "点击", "这里", "此处", "项目", "论文", "代码", "来源", "获取",
            "详情", "原文", "申请");

    private static final List<String> PAPER = List.of("paper", "reference", "publication", "citation", "cite",
            "article", "arxiv", "pubmed", "doi", "论文", "文献", "引用", "出处");
    private static final List<String> DATA = List.of("download", "access", "data", "dataset", "get", "obtain",
            "下载", "获取", "申请");
    private static final List<String> PAGE = List.of("website", "homepage", "home", "official", "information",
            "info", "overview", "url", "link", "page", "site", "source", "官网", "主页", "网址", "网站", "链接", "地址",
            "来源", "介绍");

    /** Section headings that always hold something else than datasets. */
    private static final Pattern NEVER_DATASETS = Pattern.compile("(?i)\\b(?:table of contents?|contents|toc"
            + "|contribut\\w*|licen[cs]\\w*|citations?|cit(?:e|ing)|acknowledge?ments?|changelog|release notes?"
            + "|star history|sponsors?|see also|platforms?)\\b|目录|贡献|致谢|引用|许可|交流|联系|平台|更新日志");
    /** Headings that hold other things unless they speak of data. */
    private static final Pattern OTHER_THINGS = Pattern.compile("(?i)\\b(?:related|awesome|tools?|toolbox\\w*"
            + "|toolkits?|software|methods?|models?|papers?|publications?|tutorials?|courses?|books?|blogs?"
            + "|community|news|projects?|references?|surveys?|lists|resources)\\b|参考|相关|论文|工具|教程|课程|项目|列表|资源");
    private static final Pattern SPEAKS_OF_DATA = Pattern.compile("(?i)\\b(?:data|datasets?|databases?"
            + "|challenges?)\\b|数据");

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** A number or a version: "01", "2019", "v2" name nothing by themselves. */
    private static final Pattern NUMBER = Pattern.compile("\\d{1,4}|v\\d{1,2}");

    private Vocabulary() {
    }

    /**
     * Link texts that cannot be a dataset's name: "link", "here", "官网", "Official Website", an emoji, a
     * number, the URL itself.
     */
    static boolean isGeneric(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.contains("://") || t.startsWith("www.")) {
            return true;
        }
        if (!t.chars().allMatch(c -> c < 0x80)) {
            for (String word : GENERIC_ZH) {
                t = t.replace(word, " ");
            }
        }
        for (String token : NOT_WORD.split(t)) {
            if (!token.isEmpty() && !GENERIC.contains(token) && !NUMBER.matcher(token).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The rank of a link labelled so ("Download", "Paper:", "数据下载地址", a column header). */
    static Rank rank(String label) {
        if (label == null || label.isBlank()) {
            return Rank.OTHER;
        }
        List<String> words = List.of(NOT_WORD.split(label.toLowerCase(Locale.ROOT)));
        String l = label.toLowerCase(Locale.ROOT);
        if (matches(words, l, PAPER)) {
            return Rank.PAPER;
        }
        if (matches(words, l, DATA)) {
            return Rank.DATA;
        }
        return matches(words, l, PAGE) ? Rank.PAGE : Rank.OTHER;
    }

    private static boolean matches(List<String> words, String label, List<String> vocabulary) {
        for (String v : vocabulary) {
            if (v.codePointAt(0) > 0x2E80 ? label.contains(v) : words.contains(v) || words.contains(v.concat("s"))) {
                return true;
            }
        }
        return false;
    }

    /** A heading whose section lists no datasets: contents, contributing, other lists, tools, papers. */
    static boolean holdsNoDatasets(String heading) {
        return NEVER_DATASETS.matcher(heading).find()
                || OTHER_THINGS.matcher(heading).find() && !SPEAKS_OF_DATA.matcher(heading).find();
    }
}

package org.medfetch.resolve.hosts.gdrive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Google Drive's HTML pages say, read the way gdown reads them: the large-file confirmation
 * ("Virus scan warning": a form whose action and hidden inputs make the download URL, the file's name
 * in {@code uc-name-size}), the error pages ({@code uc-error-subcaption}: quota exceeded), the sign-in
 * page of a file that is not shared, and the entries of an embedded folder view.
 *
 * <p>Reference: https://github.com/wkentaro/gdown (gdown/download.py get_url_from_gdrive_confirmation,
 * gdown/download_folder.py)
 */
final class DrivePage {

    private static final Pattern FORM = Pattern.compile("<form[^>]*id=\"download-form\"[^>]*>(.*?)</form>",
            Pattern.DOTALL);
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]*)\"");
    private static final Pattern HIDDEN = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>");
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("class=\"uc-name-size\"><a[^>]*>([^<]*)</a>");
    private static final Pattern ERROR = Pattern.compile("class=\"uc-error-subcaption\">([^<]*)<");
    private static final Pattern ENTRY = Pattern.compile(
            "<a href=\"https://drive\\.google\\.com/(file/d|drive/folders)/([\\w-]+)[^\"]*\">(.*?)</a>", Pattern.DOTALL);

    /** One entry of a folder view: a file or a sub-folder. */
    record Entry(String id, String name, boolean folder) {
    }

    private DrivePage() {
    }

    /** The confirmation form's download URL (action plus hidden inputs as query), or null when there is none. */
    static String confirmation(String html) {
        Matcher form = FORM.matcher(html);
        if (!form.find()) {
            return null;
        }
        Matcher action = ACTION.matcher(form.group(0));
        if (!action.find()) {
            return null;
        }
        StringBuilder url = new StringBuilder(unescape(action.group(1)));
        Map<String, String> inputs = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(form.group(1));
        while (hidden.find()) {
            Matcher name = NAME.matcher(hidden.group());
            Matcher value = VALUE.matcher(hidden.group());
            if (name.find()) {
                inputs.put(unescape(name.group(1)), value.find() ? unescape(value.group(1)) : "");
            }
        }
        inputs.forEach((k, v) -> url.append(url.indexOf("?") < 0 ? '?' : '&').append(encode(k)).append('=')
                .append(encode(v)));
        return url.toString();
    }

    /** The file name the confirmation page shows, or null. */
    static String fileName(String html) {
        Matcher m = FILE_NAME.matcher(html);
        return m.find() ? unescape(m.group(1)).strip() : null;
    }

    /** The error text of an error page (quota exceeded, file gone), or null. */
    static String error(String html) {
        Matcher m = ERROR.matcher(html);
        return m.find() ? unescape(m.group(1)).strip() : null;
    }

    static boolean quotaExceeded(String html) {
        return html.contains("Quota exceeded") || html.contains("Too many users have viewed or downloaded this file");
    }

    /** A sign-in or request-access page: the file is not shared with "anyone with the link". */
    static boolean needsAccess(String html) {
        return html.contains("accounts.google.com") && html.contains("Sign in") || html.contains("You need access")
                || html.contains("Request access");
    }

    /** The files and folders an embedded folder view lists, in page order. */
    static List<Entry> entries(String html) {
        List<Entry> entries = new ArrayList<>();
        Matcher m = ENTRY.matcher(html);
        while (m.find()) {
            String name = unescape(m.group(3).replaceAll("<[^>]*>", "")).strip();
            if (!name.isEmpty()) {
                entries.add(new Entry(m.group(2), name, m.group(1).startsWith("drive")));
            }
        }
        return entries;
    }

    private static String unescape(String text) {
        return text.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}

package org.medfetch.resolve.hosts.buckets;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.medfetch.resolve.hosts.HostClient;
import org.medfetch.resolve.ResolveException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * One page of S3's ListObjectsV2 answer ({@code ListBucketResult}), and S3's XML errors
 * ({@code <Error><Code>..</Code><Message>..</Message></Error>}). Read with the JDK's parser, DOCTYPEs
 * refused (an answer is untrusted).
 *
 * <p>Shape: https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html (Response Syntax)
 */
record S3Listing(List<S3Listing.Entry> contents, boolean truncated, String nextToken) {

    /** An ETag that is an MD5: 32 hex digits. A multipart upload's ends in "-N" and is not one. */
    private static final Pattern MD5_ETAG = Pattern.compile("[0-9a-fA-F]{32}");

    /** @param md5 the object's MD5 in hex when its ETag is one, else null */
    record Entry(String key, long size, String md5) {
    }

    static S3Listing parse(String xml, HostClient api, String where) throws ResolveException {
        Element root = document(xml, api, where).getDocumentElement();
        if (!root.getTagName().endsWith("ListBucketResult")) {
            throw api.unexpected(where + " is not a ListBucketResult but " + root.getTagName());
        }
        List<Entry> contents = new ArrayList<>();
        NodeList items = root.getElementsByTagName("Contents");
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            String key = text(item, "Key");
            String size = text(item, "Size");
            if (key == null || size == null || !size.matches("\\d+")) {
                throw api.unexpected(where + " lists an object without a key or size");
            }
            String etag = text(item, "ETag");
            String unquoted = etag == null ? "" : etag.replace("\"", "").strip();
            contents.add(new Entry(key, Long.parseLong(size), MD5_ETAG.matcher(unquoted).matches()
                    ? unquoted.toLowerCase(java.util.Locale.ROOT) : null));
        }
        boolean truncated = "true".equalsIgnoreCase(text(root, "IsTruncated"));
        String next = text(root, "NextContinuationToken");
        if (truncated && (next == null || next.isBlank())) {
            throw api.unexpected(where + " is truncated but gives no NextContinuationToken");
        }
        return new S3Listing(contents, truncated, next);
    }

    /** "Code: Message" of an S3 error document, or empty text when the body is not one. */
    static String error(String xml) {
        try {
            Element root = document(xml, null, "").getDocumentElement();
            if (!root.getTagName().equals("Error")) {
                return "";
            }
            String code = text(root, "Code");
            String message = text(root, "Message");
            return (code == null ? "" : code) + (message == null ? "" : ": " + message);
        } catch (ResolveException | RuntimeException e) {
            return "";
        }
    }

    /** The error document's {@code <Code>}, or "". */
    static String errorCode(String xml) {
        String error = error(xml);
        int colon = error.indexOf(':');
        return colon < 0 ? error : error.substring(0, colon);
    }

    private static Document document(String xml, HostClient api, String where) throws ResolveException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser supports secure processing", e);
        } catch (SAXException | IOException e) {
            if (api == null) {
                throw new IllegalArgumentException("not XML");
            }
            throw api.unexpected(where + " is not XML");
        }
    }

    /** The text of the first direct child element named {@code name}, or null. */
    private static String text(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (e.getTagName().equals(name) || e.getTagName().endsWith(":" + name))) {
                return e.getTextContent();
            }
        }
        return null;
    }
}

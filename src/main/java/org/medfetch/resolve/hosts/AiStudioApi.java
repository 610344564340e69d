package org.medfetch.resolve.hosts;

import java.util.List;

/**
 * AI Studio's (undocumented) dataset API as the aistudio-sdk based downloaders call it: every answer is
 * {@code {errorCode, errorMsg, result}}, errorCode 0 meaning success.
 *
 * <p>Shapes: third-party scripts quoted in hosts.md (AI Studio section); {@code fileSize} is UNVERIFIED.
 */
final class AiStudioApi {

    private AiStudioApi() {
    }

    /** POST /studio/dataset/detail. */
    record Detail(Integer errorCode, String errorMsg, DetailResult result) {
    }

    record DetailResult(String datasetName, List<FileRef> fileList) {
    }

    record FileRef(Long fileId, String fileName, Long fileSize) {
    }

    /** GET /llm/files/datasets/{id}/file/{fileId}/download. */
    record Signed(Integer errorCode, String errorMsg, SignedResult result) {
    }

    record SignedResult(String fileUrl) {
    }
}

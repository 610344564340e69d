package org.medfetch.resolve.hosts.kaggle;

import java.util.List;

/**
 * Kaggle's REST API v1 as medfetch reads it (the swagger client of kaggle 1.6, still what plain HTTP
 * clients call).
 *
 * <p>Shapes: Kaggle/kaggle-api kaggle/models/kaggle_models_extended.py (ListFilesResult: datasetFiles,
 * errorMessage, nextPageToken) and kagglesdk competitions/types (ListDataFilesResponse: files,
 * nextPageToken); see hosts.md.
 */
final class KaggleApi {

    private KaggleApi() {
    }

    record DatasetFiles(List<File> datasetFiles, String nextPageToken, String errorMessage) {
    }

    /** Older servers answer the competition listing with a bare array of files instead. */
    record CompetitionFiles(List<File> files, String nextPageToken) {
    }

    record File(String ref, String name, Long totalBytes) {
    }

    /** {@code /datasets/view/OWNER/NAME}. */
    record Dataset(String ref, String title, String url, String licenseName) {
    }
}

package org.medfetch.resolve.hosts.synapse;

import java.util.List;

/**
 * Synapse's REST answers as medfetch reads them: an entity bundle (the entity, its file handles, its
 * restriction information) and a page of an entity's children.
 *
 * <p>Shapes: https://rest-docs.synapse.org/rest/org/sagebionetworks/repo/model/entitybundle/v2/EntityBundle.html,
 * .../EntityChildrenResponse.html, .../file/FileHandle.html
 */
final class SynapseApi {

    static final String FILE = "org.sagebionetworks.repo.model.FileEntity";
    static final String FOLDER = "org.sagebionetworks.repo.model.Folder";
    static final String PROJECT = "org.sagebionetworks.repo.model.Project";

    private SynapseApi() {
    }

    record Bundle(Entity entity, List<FileHandle> fileHandles, Restriction restrictionInformation) {

        /** The handle of the entity's file, or null when the caller may read but not download it. */
        FileHandle dataFile() {
            if (entity == null || fileHandles == null) {
                return null;
            }
            return fileHandles.stream().filter(h -> h.id() != null && h.id().equals(entity.dataFileHandleId()))
                    .findFirst().orElse(null);
        }

        boolean unmet() {
            return restrictionInformation != null && Boolean.TRUE.equals(restrictionInformation.hasUnmetAccessRequirement());
        }
    }

    record Entity(String id, String name, String concreteType, String dataFileHandleId) {
    }

    record FileHandle(String id, String fileName, String contentMd5, Long contentSize) {
    }

    record Restriction(Boolean hasUnmetAccessRequirement) {
    }

    record Children(List<Child> page, String nextPageToken) {
    }

    record Child(String id, String name, String type) {
    }

    /** The bundle request: the entity, its file handles and whether access requirements are unmet. */
    record BundleRequest(boolean includeEntity, boolean includeFileHandles, boolean includeRestrictionInformation) {
        static final BundleRequest ALL = new BundleRequest(true, true, true);
    }

    record ChildrenRequest(String parentId, List<String> includeTypes, String nextPageToken) {
    }
}

package fr.jalon.campaigns;

import java.util.UUID;

/** A node of an authority's organisation: direction (depth 1), service (2) or unit (3). */
record ServiceNode(UUID id, UUID parentId, String name, String path, int depth) {

    /** How files and pages write a path: names joined by " / ". */
    static final String SEPARATOR = " / ";
}

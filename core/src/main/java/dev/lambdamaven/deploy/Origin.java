package dev.lambdamaven.deploy;

/** Where the version update-alias points at comes from; it decides whether a rolled-back version may return. */
public enum Origin {
    /** publish-version published it in this build. */
    PUBLISHED,
    /** publish-version found nothing to publish and reported the existing version. */
    UNCHANGED,
    /** the user named it ({@code -Dlambda.version}). */
    NAMED
}

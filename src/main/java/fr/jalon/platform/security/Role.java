package fr.jalon.platform.security;

/** A user has exactly one role; the role says which kind of scope the user has. */
public enum Role {
    ADMIN(ScopeKind.NONE),
    CENTER_STAFF(ScopeKind.CENTER),
    ADVISER(ScopeKind.REFERRING_ORGANISATION),
    HR(ScopeKind.LOCAL_AUTHORITY),
    INVIGILATOR(ScopeKind.CENTER);

    /** What a user's scope id points to. */
    public enum ScopeKind { NONE, CENTER, REFERRING_ORGANISATION, LOCAL_AUTHORITY }

    private final ScopeKind scopeKind;

    Role(ScopeKind scopeKind) {
        this.scopeKind = scopeKind;
    }

    public ScopeKind scopeKind() {
        return scopeKind;
    }
}

package fr.jalon.users;

import java.util.UUID;

import io.helidon.dbclient.DbExecute;

/** Whether a local authority exists: told by the campaigns feature, so users do not depend on it. */
@FunctionalInterface
public interface Authorities {

    boolean exists(DbExecute exec, UUID authorityId);
}

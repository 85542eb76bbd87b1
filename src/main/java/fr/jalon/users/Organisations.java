package fr.jalon.users;

import java.util.UUID;

import io.helidon.dbclient.DbExecute;

/** Whether a referring organisation exists: told by the referrals feature, so users do not depend on it. */
@FunctionalInterface
public interface Organisations {

    boolean exists(DbExecute exec, UUID organisationId);
}

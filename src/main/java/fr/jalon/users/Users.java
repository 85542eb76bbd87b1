package fr.jalon.users;

import fr.jalon.centers.Centers;
import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.http.ApiRoutes;
import fr.jalon.platform.http.RequestBodies;
import fr.jalon.platform.security.UserAccounts;

/** The users feature: administration of users and their API tokens over HTTP. */
public final class Users {

    private final UsersService service;

    public Users(Transactions transactions, UserAccounts accounts, Centers centers, Organisations organisations,
                 AuditLog audit, RequestBodies bodies) {
        this.service = new UsersService(new UserDirectory(transactions, accounts, centers, organisations, audit), bodies);
    }

    public ApiRoutes.ApiService httpService() {
        return service;
    }
}

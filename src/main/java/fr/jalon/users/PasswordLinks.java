package fr.jalon.users;

import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.jalon.platform.audit.AuditLog;
import fr.jalon.platform.db.Transactions;
import fr.jalon.platform.http.ApiProblem;
import fr.jalon.platform.security.Principal;
import fr.jalon.platform.security.TokenCache;
import fr.jalon.platform.security.TokenSecrets;
import fr.jalon.platform.templates.TemplateRenderer;
import fr.jalon.platform.validation.FieldError;

import io.helidon.dbclient.DbExecute;

/**
 * A password chosen through a link sent by e-mail: asked for on the sign-in page (forgotten
 * password) or sent by an administrator (an account's first password). A link is single use,
 * valid 30 minutes; only its secret's hash is stored; choosing a password with it spends every
 * open link of the account, unlocks it and closes its console sessions. Asking never tells
 * whether an account exists; a second request within two minutes sends nothing more.
 */
final class PasswordLinks {

    static final Duration VALIDITY = Duration.ofMinutes(30);
    static final Duration RESEND_AFTER = Duration.ofMinutes(2);
    static final String PATH = "/mot-de-passe/";
    private static final Logger LOG = System.getLogger(PasswordLinks.class.getName());
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH'h'mm");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String UNUSABLE = "Ce lien n'est plus valable : il a déjà servi, ou plus de 30 minutes ont passé. "
            + "Demandez-en un nouveau depuis la page de connexion.";

    private final Transactions transactions;
    private final UserAccountRepository accounts;
    private final TokenCache tokens;
    private final AuditLog audit;
    private final TemplateRenderer templates;
    private final AccountMail mail;
    private final String publicUrl;
    private final Clock clock;

    PasswordLinks(Transactions transactions, UserAccountRepository accounts, TokenCache tokens, AuditLog audit,
                  TemplateRenderer templates, AccountMail mail, String publicUrl, Clock clock) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.tokens = tokens;
        this.audit = audit;
        this.templates = templates;
        this.mail = mail;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** What a link needs to be written into its e-mail. */
    private record Link(UUID userId, String email, String displayName, String secret, Instant expiresAt) {
    }

    /** The sign-in page's « forgotten password »: a link to this e-mail's account if it has one, silently. */
    void request(String email) {
        if (email == null || email.isBlank() || email.length() > 254) {
            return;
        }
        Optional<Link> link = transactions.inTransaction(tx -> {
            Optional<UserAccount> user = accounts.findUserByEmail(tx, email.strip());
            if (user.isEmpty() || user.get().disabledAt() != null) {
                return Optional.<Link>empty();
            }
            Optional<Instant> last = accounts.lastOpenPasswordLink(tx, user.get().id());
            if (last.isPresent() && last.get().plus(RESEND_AFTER).isAfter(clock.instant())) {
                return Optional.<Link>empty();
            }
            audit.record(tx, null, "user.password_link", "user", user.get().id());
            return Optional.of(issue(tx, user.get()));
        });
        link.ifPresent(l -> {
            try {
                send(l, false);
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Password link for user " + l.userId() + " not handed over: "
                        + e.getClass().getSimpleName());
            }
        });
    }

    /** An administrator sends the user a link to choose their password; returns when it expires. */
    Instant send(Principal actor, UUID userId) {
        if (!actor.isAdmin()) {
            throw ApiProblem.notFound("Aucun utilisateur ne correspond à cet identifiant.");
        }
        Link link = transactions.inTransaction(tx -> {
            UserAccount user = accounts.findUser(tx, userId)
                    .orElseThrow(() -> ApiProblem.notFound("Aucun utilisateur ne correspond à cet identifiant."));
            if (user.disabledAt() != null) {
                throw ApiProblem.conflict("Cet utilisateur est désactivé : il ne peut pas choisir de mot de passe.");
            }
            audit.record(tx, actor, "user.password_link", "user", userId);
            return issue(tx, user);
        });
        try {
            send(link, true);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Password link for user " + userId + " not handed over: " + e.getClass().getSimpleName());
            throw new ApiProblem(502, "mail-not-sent", "E-mail non envoyé", "Le serveur d'e-mails n'a pas accepté le "
                    + "message : réessayez plus tard, ou vérifiez la configuration SMTP de Jalon.", List.of());
        }
        return link.expiresAt();
    }

    /** The e-mail of the account a link is for, while it can still be used. */
    Optional<String> usable(String secret) {
        return transactions.inTransaction(tx -> openLink(tx, secret).map(UserAccountRepository.PasswordLink::email));
    }

    /** Chooses the password with the link; closes every console session of the account. */
    void use(String secret, String password) {
        List<UUID> closed = transactions.inTransaction(tx -> {
            UserAccountRepository.PasswordLink link = openLink(tx, secret)
                    .orElseThrow(() -> new ApiProblem(410, "link-expired", "Lien expiré", UNUSABLE, List.of()));
            List<FieldError> breaches = Passwords.breaches(password, link.email());
            if (!breaches.isEmpty()) {
                throw ApiProblem.validation(breaches);
            }
            accounts.setPassword(tx, link.userId(), Passwords.hash(password));
            accounts.spendPasswordLinks(tx, link.userId());
            audit.record(tx, null, "user.password_by_link", "user", link.userId());
            return accounts.closeConsoleSessions(tx, link.userId());
        });
        closed.forEach(tokens::evictToken);
    }

    private Optional<UserAccountRepository.PasswordLink> openLink(DbExecute tx, String secret) {
        if (secret == null || !TokenSecrets.wellFormed(secret)) {
            return Optional.empty();
        }
        return accounts.passwordLinkForUpdate(tx, TokenSecrets.hash(secret))
                .filter(link -> !link.used() && !link.disabled() && link.expiresAt().isAfter(clock.instant()));
    }

    private Link issue(DbExecute tx, UserAccount user) {
        String secret = TokenSecrets.newSecret();
        Instant expires = clock.instant().plus(VALIDITY);
        accounts.insertPasswordLink(tx, user.id(), TokenSecrets.hash(secret), expires);
        return new Link(user.id(), user.email(), user.displayName(), secret, expires);
    }

    private void send(Link link, boolean firstPassword) throws Exception {
        Map<String, Object> model = Map.of("nom", link.displayName(), "lien", publicUrl + PATH + link.secret(),
                "heure", HOUR.format(link.expiresAt().atZone(PARIS)), "parAdministrateur", firstPassword);
        mail.send(UUID.randomUUID(), link.email(), templates.render("mail/password-link.subject.vm", model).strip(),
                templates.render("mail/password-link.txt.vm", model), templates.render("mail/password-link.html.vm", model));
    }
}

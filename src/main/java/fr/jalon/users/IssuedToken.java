package fr.jalon.users;

/** A freshly issued token: the only moment the secret exists in clear. */
public record IssuedToken(TokenInfo info, String secret) {
}

package fr.jalon.platform.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The access log never holds a calendar secret or a verification code. */
class AccessLogRedactionTest {

    @Test
    void secretsInPathsAreReplaced() {
        assertEquals("/calendars/***.ics", AccessLogFilter.redact("/calendars/Xk3vQ9-s3cr3t_T0ken.ics"));
        assertEquals("/calendars/***", AccessLogFilter.redact("/calendars/Xk3vQ9-s3cr3t"));
        assertEquals("/verify/***", AccessLogFilter.redact("/verify/P-BCDF2346"));
        assertEquals("/api/v1/public/attestations/***", AccessLogFilter.redact("/api/v1/public/attestations/P-BCDF2346"));
    }

    @Test
    void otherPathsAreLoggedAsTheyAre() {
        assertEquals("/api/v1/sessions/0b6c1d3e-1111-4222-8333-444455556666/enrolments",
                AccessLogFilter.redact("/api/v1/sessions/0b6c1d3e-1111-4222-8333-444455556666/enrolments"));
        assertEquals("/verify/", AccessLogFilter.redact("/verify/"));
        assertEquals("/observe/health", AccessLogFilter.redact("/observe/health"));
    }
}

package org.openspime.scopenode.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Lets a request through only with {@code Authorization: Bearer <the query token>}; 401 with
 * {@code WWW-Authenticate: Bearer} otherwise. The comparison is over SHA-256 digests with
 * {@link MessageDigest#isEqual}, so its time says nothing about how much of a guess was right, not even its length.
 */
final class BearerTokenFilter extends HttpFilter {

    private static final String PREFIX = "Bearer ";

    private final byte[] expected;

    BearerTokenFilter(String token) {
        this.expected = sha256(token);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String header = request.getHeader("Authorization");
        boolean ok = header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                && MessageDigest.isEqual(expected, sha256(header.substring(PREFIX.length()).trim()));
        if (!ok) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"scopenode\"");
            JsonResponses.error(response, HttpServletResponse.SC_UNAUTHORIZED,
                    "a valid Authorization: Bearer <query token> header is required", null);
            return;
        }
        chain.doFilter(request, response);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}

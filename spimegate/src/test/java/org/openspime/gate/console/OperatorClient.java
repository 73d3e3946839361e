package org.openspime.gate.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * An operator at the gate's HTTP port through Java's HttpClient: keeps the session cookie, never follows
 * redirects (tests look at them), carries the CSRF token of the last page into the next form as a browser
 * would, and speaks the JSON API with a bearer token.
 */
final class OperatorClient {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern SECRET = Pattern.compile("class=\"secret-value\"[^>]*>([^<]+)<");
    static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;
    private String csrf;

    OperatorClient(URI base) {
        this(base, null);
    }

    OperatorClient(URI base, SSLContext tls) {
        this.base = base;
        HttpClient.Builder b = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5));
        if (tls != null) {
            b.sslContext(tls);
        }
        http = b.build();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return seen(http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** Posts a form with the CSRF token of the last page. */
    HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("csrf", csrf);
        all.putAll(fields);
        String body = all.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return seen(http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** Posts a form with the CSRF token given (the last page's when null) and returns the raw body: downloads. */
    HttpResponse<byte[]> postForBytes(String path, Map<String, String> fields, String token)
            throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("csrf", token == null ? csrf : token);
        all.putAll(fields);
        String body = all.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Loads the sign-in form, then signs in with it; 303 to the console when it worked. */
    HttpResponse<String> signIn(String operator, String password) throws IOException, InterruptedException {
        get("/sign-in");
        return post("/sign-in", Map.of("operator", operator, "password", password));
    }

    /** The one-time secret (password or token) a page shows. */
    static String secretOn(HttpResponse<String> page) {
        Matcher m = SECRET.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no secret on the page: " + page.body());
        }
        return m.group(1).trim();
    }

    HttpResponse<String> api(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder r = request(path).header("Authorization", "Bearer " + token);
        r = json == null ? r.method(method, HttpRequest.BodyPublishers.noBody())
                : r.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(15));
    }

    private HttpResponse<String> seen(HttpResponse<String> r) {
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return r;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

package org.openspime.web;

import java.io.IOException;
import java.net.CookieManager;
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
 * A browser stand-in over Java's HttpClient: keeps cookies, does not follow redirects (tests assert on
 * them), and remembers the CSRF token of the last page it saw, as a browser's form would carry it.
 */
public final class ConsoleClient {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final ConsoleFixture fixture;
    private final HttpClient http;
    private final CookieManager cookies = new CookieManager();
    private String csrf;

    public ConsoleClient(ConsoleFixture fixture) {
        this(fixture, null);
    }

    public ConsoleClient(ConsoleFixture fixture, SSLContext tls) {
        this.fixture = fixture;
        HttpClient.Builder b = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5));
        if (tls != null) {
            b.sslContext(tls);
        }
        this.http = b.build();
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return remember(http.send(HttpRequest.newBuilder(fixture.uri(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    /** Posts a form, adding the remembered CSRF token unless the fields already say otherwise. */
    public HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>();
        if (csrf != null) {
            all.put("csrf", csrf);
        }
        all.putAll(fields);
        return postRaw(path, all);
    }

    public HttpResponse<String> postRaw(String path, Map<String, String> fields) throws IOException, InterruptedException {
        String body = fields.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        // generous: a POST may generate an RSA-3072 key pair, seconds on a busy 2-core machine
        return remember(http.send(HttpRequest.newBuilder(fixture.uri(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** Uploads one file as multipart/form-data field {@code file}, with the CSRF token. */
    public HttpResponse<String> upload(String path, String fileName, byte[] content) throws IOException, InterruptedException {
        String boundary = "----openspime" + System.nanoTime();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        byte[] body = concat(head.getBytes(StandardCharsets.UTF_8), content, tail.getBytes(StandardCharsets.UTF_8));
        return remember(http.send(HttpRequest.newBuilder(fixture.uri(path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** Loads the sign-in form first, as a browser does, so its token cookie and field match. */
    public HttpResponse<String> signIn(String operator, String password) throws IOException, InterruptedException {
        get("/sign-in");
        return postRaw("/sign-in", Map.of("csrf", csrf, "operator", operator, "password", password));
    }

    /** Signs in as the fixture's operator and loads the overview, so a CSRF token is at hand. */
    public ConsoleClient signedIn() throws IOException, InterruptedException {
        HttpResponse<String> r = signIn(ConsoleFixture.OPERATOR, ConsoleFixture.PASSWORD);
        if (r.statusCode() != 303) {
            throw new IllegalStateException("sign-in failed: " + r.statusCode() + " " + r.body());
        }
        get("/console/");
        return this;
    }

    public String csrf() {
        return csrf;
    }

    public CookieManager cookies() {
        return cookies;
    }

    public HttpClient http() {
        return http;
    }

    private HttpResponse<String> remember(HttpResponse<String> r) {
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return r;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}

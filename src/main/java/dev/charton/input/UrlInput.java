package dev.charton.input;

import dev.charton.error.ChartonException;
import dev.charton.error.ExitCode;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A data file named by an http:// or https:// URL, read once front to back like standard input.
 * Other schemes are refused with the command that fetches them, never taken for a path.
 */
final class UrlInput {
    private static final Pattern URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");
    static final int CONNECT_TIMEOUT_MILLIS = 15_000;
    /** How long a read may wait for the next bytes before the server is taken to have stalled. */
    static final int READ_TIMEOUT_MILLIS = 60_000;
    private static final int MAX_REDIRECTS = 5;

    private final URI uri;
    private final String displayName;

    private UrlInput(URI uri) {
        this.uri = uri;
        // A user:password in the URL stays out of every message.
        this.displayName = uri.getRawUserInfo() == null ? uri.toString() : uri.toString().replace(uri.getRawUserInfo() + "@", "");
    }

    static boolean looksLikeUrl(String argument) {
        return URL.matcher(argument).matches();
    }

    /** The URL {@code argument} names, if charton reads its scheme; a usage error showing curl otherwise. */
    static UrlInput of(String argument) {
        String scheme = argument.substring(0, argument.indexOf(':')).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ChartonException(ExitCode.USAGE, argument + ": charton reads http:// and https:// URLs, not "
                    + scheme + "://; fetch it and pipe it in: curl -sL '" + argument + "' | charton plot - ...");
        }
        try {
            URI uri = new URI(argument);
            if (uri.getHost() == null) {
                throw new URISyntaxException(argument, "no host");
            }
            return new UrlInput(uri);
        } catch (URISyntaxException e) {
            throw new ChartonException(ExitCode.USAGE, argument + ": not a valid URL (" + e.getReason() + ")", e);
        }
    }

    String displayName() {
        return displayName;
    }

    /** The response body, after following up to five redirects (never from https to http). */
    InputStream open() {
        URI current = uri;
        for (int redirects = 0; ; redirects++) {
            HttpURLConnection connection = connect(current);
            int status = status(connection);
            if (status / 100 == 2) {
                return body(connection);
            }
            String location = connection.getHeaderField("Location");
            connection.disconnect();
            if (status / 100 != 3 || location == null) {
                throw new ChartonException(ExitCode.NO_INPUT, displayName + ": the server answered HTTP " + status
                        + (status == 404 || status == 410 ? " (not found)" : ""));
            }
            if (redirects == MAX_REDIRECTS) {
                throw new ChartonException(ExitCode.NO_INPUT, displayName + ": more than " + MAX_REDIRECTS + " redirects");
            }
            URI next = current.resolve(location);
            if (current.getScheme().equalsIgnoreCase("https") && !"https".equalsIgnoreCase(next.getScheme())) {
                throw new ChartonException(ExitCode.NO_INPUT, displayName + ": redirected from https to " + next.getScheme()
                        + "://, which charton does not follow");
            }
            current = next;
        }
    }

    private HttpURLConnection connect(URI target) {
        try {
            HttpURLConnection connection = (HttpURLConnection) target.toURL().openConnection();
            connection.setInstanceFollowRedirects(false); // followed above, to refuse a downgrade to http
            connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
            connection.setReadTimeout(READ_TIMEOUT_MILLIS);
            connection.setRequestProperty("User-Agent", "charton");
            return connection;
        } catch (IOException | IllegalArgumentException e) {
            throw new ChartonException(ExitCode.USAGE, displayName + ": not a valid URL (" + e.getMessage() + ")", e);
        }
    }

    private int status(HttpURLConnection connection) {
        try {
            return connection.getResponseCode();
        } catch (UnknownHostException e) {
            throw new ChartonException(ExitCode.NO_INPUT, displayName + ": cannot reach " + connection.getURL().getHost()
                    + " (unknown host)", e);
        } catch (SocketTimeoutException e) {
            throw new ChartonException(ExitCode.NO_INPUT, displayName + ": the server did not answer within "
                    + CONNECT_TIMEOUT_MILLIS / 1000 + " s", e);
        } catch (IOException e) {
            throw new ChartonException(ExitCode.NO_INPUT, displayName + ": cannot reach " + connection.getURL().getHost()
                    + " (" + e.getMessage() + ")", e);
        }
    }

    private InputStream body(HttpURLConnection connection) {
        try {
            long length = connection.getContentLengthLong();
            InputStream body = connection.getInputStream();
            return length < 0 ? body : new WholeBody(body, length);
        } catch (IOException e) {
            throw new ChartonException(ExitCode.NO_INPUT, displayName + ": cannot read the response (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The body of a response that announced its length: a connection that closes before that many
     * bytes is an error, where HttpURLConnection would end the stream quietly and a partial table be drawn.
     */
    private static final class WholeBody extends FilterInputStream {
        private final long expected;
        private long received;

        WholeBody(InputStream body, long expected) {
            super(body);
            this.expected = expected;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? -1 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(n);
            return n;
        }

        private void count(int n) throws IOException {
            if (n >= 0) {
                received += n;
            } else if (received < expected) {
                throw new IOException("the connection closed after " + received + " of the " + expected + " bytes announced");
            }
        }
    }
}

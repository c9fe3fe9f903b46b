package dev.omnichannel.messaging.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a raw MIME message as received by the SMTP server: quoted-printable decoded, LF line ends. */
public final class Mime {

    private static final Pattern TRACKED = Pattern.compile("http://localhost:8083/t/[A-Za-z0-9_-]+");

    private Mime() {
    }

    public static String decoded(String mime) {
        String text = mime.replace("\r\n", "\n").replace("=\n", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '=' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The tracked links in a decoded message, in order (click link of the text part first). */
    public static java.util.List<String> trackedLinks(String decoded) {
        java.util.List<String> links = new java.util.ArrayList<>();
        Matcher matcher = TRACKED.matcher(decoded);
        while (matcher.find()) {
            links.add(matcher.group());
        }
        return links;
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}

package dev.omnichannel.e2e.support;

import dev.omnichannel.testing.LocalStack;
import dev.omnichannel.testing.Mailbox;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading received mails: the decoded text and the tracked links (on the gateway's public URL) in it. */
public final class Mails {

    private static final Pattern TRACKED = Pattern.compile(Pattern.quote(LocalStack.GATEWAY) + "/t/([A-Za-z0-9_-]+)");

    private Mails() {
    }

    /** The raw MIME message with quoted-printable soft breaks and escapes decoded. */
    public static String decoded(Mailbox.Mail mail) {
        String text = mail.mimeMessage().replace("\r\n", "\n").replace("=\n", "");
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

    /** The tokens of the tracked links in a mail, in order of appearance, without repeats. */
    public static List<String> trackedTokens(Mailbox.Mail mail) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TRACKED.matcher(decoded(mail));
        while (matcher.find()) {
            if (!tokens.contains(matcher.group(1))) {
                tokens.add(matcher.group(1));
            }
        }
        return tokens;
    }

    /** The mails an address received after its first {@code before}, once one of them matches (those that match). */
    public static List<Mailbox.Mail> since(String address, int before, Predicate<Mailbox.Mail> matching) {
        List<List<Mailbox.Mail>> found = new ArrayList<>();
        Eventually.eventually(Customers.MAIL_WAIT).alias("a new mail for " + address).until(() -> {
            List<Mailbox.Mail> all = Mailbox.of(address);
            List<Mailbox.Mail> fresh = all.subList(Math.min(before, all.size()), all.size()).stream().filter(matching).toList();
            found.add(fresh);
            return !fresh.isEmpty();
        });
        return found.getLast();
    }

    /** Whether one of the mail's tracked links redirects, through the gateway, to the storefront's {@code path}. */
    public static boolean leadsTo(Mailbox.Mail mail, String path) {
        return trackedTokens(mail).stream()
                .map(token -> Caller.ANONYMOUS.gateway().get("/t/{token}", token).then().extract().header("Location"))
                .anyMatch(location -> location != null && location.endsWith(path));
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}

package nl.procesregie.hub.app;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import nl.procesregie.hub.notify.Html;

/**
 * The demo mode's mailbox: every mail the embedded SMTP server received, kept as {@code .eml} (the mail as sent) and
 * {@code .html} (its HTML part) in one folder, and shown as a page. The folder is the record; the page only reads it.
 */
public final class MailArchief {

    private static final DateTimeFormatter TIJD = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss", new Locale("nl"))
            .withZone(ZoneId.of("Europe/Amsterdam"));

    private final Path map;

    public MailArchief(Path map) throws IOException {
        this.map = Files.createDirectories(map);
    }

    public Path map() {
        return map;
    }

    /** Keeps a received mail, once per Message-ID; returns false when it was kept already. */
    public boolean bewaar(MimeMessage mail) throws IOException, MessagingException {
        String naam = bestandsnaam(mail);
        Path eml = map.resolve(naam + ".eml");
        if (Files.exists(eml)) {
            return false;
        }
        Path tijdelijk = map.resolve(naam + ".eml.tmp");
        try (OutputStream uit = Files.newOutputStream(tijdelijk)) {
            mail.writeTo(uit);
        }
        Files.writeString(map.resolve(naam + ".html"), htmlDeel(mail).orElse("<p>Deze mail heeft geen HTML-deel.</p>"),
                StandardCharsets.UTF_8);
        Files.move(tijdelijk, eml);
        return true;
    }

    /** A file name from the arrival moment and the Message-ID: sortable, and safe whatever the ID contains. */
    private static String bestandsnaam(MimeMessage mail) throws MessagingException {
        String id = mail.getMessageID() == null ? Integer.toHexString(System.identityHashCode(mail)) : mail.getMessageID();
        String veilig = id.replaceAll("[^A-Za-z0-9._-]", "");
        Instant moment = mail.getSentDate() == null ? Instant.now() : mail.getSentDate().toInstant();
        return moment.toEpochMilli() + "-" + (veilig.length() > 80 ? veilig.substring(0, 80) : veilig);
    }

    private static Optional<String> htmlDeel(MimeMessage mail) throws IOException, MessagingException {
        Object inhoud = mail.getContent();
        if (inhoud instanceof Multipart delen) {
            for (int i = 0; i < delen.getCount(); i++) {
                BodyPart deel = delen.getBodyPart(i);
                if (deel.isMimeType("text/html")) {
                    return Optional.of((String) deel.getContent());
                }
            }
        } else if (mail.isMimeType("text/html")) {
            return Optional.of((String) inhoud);
        }
        return Optional.empty();
    }

    /** The overview page, newest first. */
    public String overzicht() throws IOException {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\">"
                + "<title>Verzonden signalen – procesregie-hub</title><meta http-equiv=\"refresh\" content=\"10\">"
                + "<style>body{font-family:Segoe UI,Arial,sans-serif;margin:2em;color:#1a1a1a}"
                + "table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4em .6em;border-bottom:1px solid #ddd}"
                + "th{background:#f0f4f8}a{color:#0b5394}</style></head><body>"
                + "<h1>Verzonden signalen</h1><p>Mails die de hub aan procesregisseurs stuurde, bewaard in <code>")
                .append(Html.tekst(map.toAbsolutePath().toString())).append("</code>. De pagina ververst elke 10 seconden.</p>");
        List<Path> mails = mails();
        if (mails.isEmpty()) {
            html.append("<p>Nog geen mails. De eerste signalen verschijnen zodra de demofeed een jeugdige met een vierde "
                    + "traject heeft gepubliceerd.</p>");
        } else {
            html.append("<p>").append(mails.size()).append(" mails.</p><table><tr><th>Ontvangen</th><th>Onderwerp</th>"
                    + "<th>Aan</th></tr>");
            for (Path eml : mails) {
                MailKop kop = kop(eml);
                String naam = eml.getFileName().toString().replace(".eml", "");
                html.append("<tr><td>").append(Html.tekst(kop.tijd())).append("</td><td><a href=\"/mail/")
                        .append(Html.tekst(naam)).append("\">").append(Html.tekst(kop.onderwerp())).append("</a></td><td>")
                        .append(Html.tekst(kop.aan())).append("</td></tr>");
            }
            html.append("</table>");
        }
        return html.append("</body></html>").toString();
    }

    /** The HTML part of one kept mail, or empty when the name is unknown (or tries to leave the folder). */
    public Optional<String> toon(String naam) throws IOException {
        if (naam == null || !naam.matches("[A-Za-z0-9._-]+") || naam.contains("..")) {
            return Optional.empty();
        }
        Path html = map.resolve(naam + ".html");
        return Files.exists(html) ? Optional.of(Files.readString(html, StandardCharsets.UTF_8)) : Optional.empty();
    }

    private List<Path> mails() throws IOException {
        try (Stream<Path> lijst = Files.list(map)) {
            List<Path> mails = new ArrayList<>(lijst.filter(p -> p.getFileName().toString().endsWith(".eml")).toList());
            mails.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
            return mails;
        }
    }

    private record MailKop(String tijd, String onderwerp, String aan) {
    }

    private static MailKop kop(Path eml) throws IOException {
        try (var in = Files.newInputStream(eml)) {
            MimeMessage mail = new MimeMessage(null, in);
            String aan = mail.getAllRecipients() == null ? "" : String.join(", ",
                    Stream.of(mail.getAllRecipients()).map(Object::toString).toList());
            String tijd = mail.getSentDate() == null ? "" : TIJD.format(mail.getSentDate().toInstant());
            return new MailKop(tijd, mail.getSubject() == null ? "(geen onderwerp)" : mail.getSubject(), aan);
        } catch (MessagingException e) {
            return new MailKop("", "(onleesbare mail)", "");
        }
    }
}

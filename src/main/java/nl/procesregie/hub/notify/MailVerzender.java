package nl.procesregie.hub.notify;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * Sends one outbox mail over SMTP. Jakarta Mail replaces the Message-ID on every save; the outbox needs the same
 * Message-ID on every retry (that is how a re-send is told from a duplicate), so the message pins it.
 */
public final class MailVerzender {

    /** @param truststore PEM file with the certificates STARTTLS trusts; null = the JVM's trust store */
    public record SmtpInstellingen(String host, int port, String gebruiker, String wachtwoord, boolean starttls,
                                   Path truststore, String afzender, Duration timeout) {
        @Override
        public String toString() {
            return "SmtpInstellingen[host=" + host + ", port=" + port + ", starttls=" + starttls + "]";
        }
    }

    private final Session sessie;
    private final InternetAddress afzender;
    private final Clock klok;

    public MailVerzender(SmtpInstellingen instellingen, Clock klok) throws MessagingException {
        this.klok = klok;
        Properties p = new Properties();
        p.put("mail.smtp.host", instellingen.host());
        p.put("mail.smtp.port", String.valueOf(instellingen.port()));
        String timeout = String.valueOf(instellingen.timeout().toMillis());
        p.put("mail.smtp.connectiontimeout", timeout);
        p.put("mail.smtp.timeout", timeout);
        p.put("mail.smtp.writetimeout", timeout);
        if (instellingen.starttls()) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
            p.put("mail.smtp.ssl.checkserveridentity", "true");
            p.put("mail.smtp.ssl.protocols", "TLSv1.3 TLSv1.2");
            if (instellingen.truststore() != null) {
                p.put("mail.smtp.ssl.socketFactory", socketFactory(instellingen.truststore()));
            }
        }
        Authenticator auth = null;
        if (instellingen.gebruiker() != null) {
            p.put("mail.smtp.auth", "true");
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(instellingen.gebruiker(), instellingen.wachtwoord());
                }
            };
        }
        this.sessie = Session.getInstance(p, auth);
        this.afzender = new InternetAddress(instellingen.afzender(), true);
    }

    /** Trusts exactly the certificates in the PEM file, as an operator with a private CA for the relay expects. */
    private static SSLSocketFactory socketFactory(Path pem) throws MessagingException {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore vertrouwd = KeyStore.getInstance(KeyStore.getDefaultType());
            vertrouwd.load(null, null);
            int n = 0;
            for (Certificate certificaat : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                vertrouwd.setCertificateEntry("smtp-" + n++, certificaat);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(vertrouwd);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new MessagingException("SMTP_TRUSTSTORE niet bruikbaar: " + e.getMessage(), e);
        }
    }

    public void verzend(UitgaandItem item) throws MessagingException {
        MimeMessage bericht = new VasteIdBericht(sessie, item.messageId());
        bericht.setFrom(afzender);
        for (String ontvanger : item.ontvangers()) {
            bericht.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(ontvanger, true));
        }
        bericht.setSubject(item.onderwerp(), StandardCharsets.UTF_8.name());
        bericht.setSentDate(Date.from(klok.instant()));
        MimeBodyPart tekst = new MimeBodyPart();
        tekst.setText(item.tekst(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(item.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternatief = new MimeMultipart("alternative", tekst, html);
        bericht.setContent(alternatief);
        bericht.saveChanges();
        Transport transport = sessie.getTransport("smtp");
        try {
            transport.connect();
        } catch (MessagingException e) {
            // Greeting, EHLO, STARTTLS and login: nothing of the message has left yet, whatever went wrong.
            throw new NietVerbonden(e);
        }
        try {
            transport.sendMessage(bericht, bericht.getAllRecipients());
        } finally {
            try {
                transport.close();
            } catch (MessagingException e) {
                // The server has answered the data already; a failed QUIT changes nothing about delivery.
            }
        }
    }

    /** A failure before the message was handed over: it cannot have been delivered. */
    static final class NietVerbonden extends MessagingException {
        NietVerbonden(MessagingException oorzaak) {
            super("geen verbinding met de mailserver: " + oorzaak.getMessage(), oorzaak);
        }
    }

    /**
     * Whether a failed send may nevertheless have delivered the mail. A refused connection, a failed TLS handshake or
     * login, a malformed address (the message never left) and an explicit SMTP rejection did not; a time-out or broken
     * connection after the data went out may have.
     */
    public static boolean misschienAfgeleverd(Throwable fout) {
        for (Throwable t = fout; t != null; t = t.getCause()) {
            if (t instanceof NietVerbonden || t instanceof MailConnectException || t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof SSLHandshakeException || t instanceof AuthenticationFailedException
                    || t instanceof AddressException || t instanceof SMTPSendFailedException
                    || t instanceof SMTPSenderFailedException || t instanceof SMTPAddressFailedException) {
                return false;
            }
        }
        return fout instanceof MessagingException;
    }

    private static final class VasteIdBericht extends MimeMessage {
        private final String messageId;

        VasteIdBericht(Session sessie, String messageId) {
            super(sessie);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}

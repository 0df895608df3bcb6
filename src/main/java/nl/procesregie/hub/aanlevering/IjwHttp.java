package nl.procesregie.hub.aanlevering;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.procesregie.hub.config.Aanleveraar;
import nl.procesregie.hub.ijw.Foutcode;
import nl.procesregie.hub.ijw.IjwBericht;
import nl.procesregie.hub.ijw.IjwFout;

/**
 * The decisions of {@code POST /ijw}, for back offices that do not produce to Kafka: who sends (bearer token), in
 * which form, how fast, whether the hub can read the message exactly as the consumer will, and whether this back
 * office may send it. The route publishes what is let through and hands the broker's acknowledgement back here.
 *
 * <p>Every answer is JSON in Dutch and names no youth: a refusal carries a fault code and a reason, never the message.
 * One log line per request, with the back office's name when known.
 *
 * <p>Thread-safe.
 */
public final class IjwHttp {

    private static final Logger LOG = LoggerFactory.getLogger(IjwHttp.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json; charset=utf-8";
    static final String WWW_AUTHENTICATE = "Bearer realm=\"procesregie-hub\"";
    private static final Set<String> XML_TYPES = Set.of("application/xml", "text/xml");
    /** A broker outage rarely ends within seconds; a client that retries at once only adds to the queue. */
    static final Duration WACHT_NA_STORING = Duration.ofSeconds(30);

    /** Fault codes of refusals that are not about the message itself (those use {@link Foutcode}). */
    static final String TOKEN_ONGELDIG = "TOKEN_ONGELDIG";
    static final String AFZENDER_NIET_TOEGESTAAN = "AFZENDER_NIET_TOEGESTAAN";
    static final String INHOUDSTYPE_ONGELDIG = "INHOUDSTYPE_ONGELDIG";
    static final String TE_VEEL_BERICHTEN = "TE_VEEL_BERICHTEN";
    static final String NIET_BEVESTIGD = "NIET_BEVESTIGD";

    private final Aanlevering aanlevering;
    private final Tokencontrole tokens;
    private final Snelheidsgrens grens;
    private final int maxBytes;

    /** @param maxBytes the largest message taken ({@code HUB_MAX_RECORD_BYTES}) */
    public IjwHttp(Aanlevering aanlevering, Tokencontrole tokens, Snelheidsgrens grens, int maxBytes) {
        this.aanlevering = aanlevering;
        this.tokens = tokens;
        this.grens = grens;
        this.maxBytes = maxBytes;
    }

    /**
     * In this order: the token first, so that a caller without one learns nothing else; the rate limit before
     * reading, so that a flood of junk costs no parsing.
     *
     * @param authorization the Authorization header, or null
     * @param contentType   the Content-Type header, or null
     * @param xml           the body, or null when there was none
     */
    public Beoordeling beoordeel(String authorization, String contentType, byte[] xml) {
        Optional<Aanleveraar> wie = tokens.herken(authorization);
        if (wie.isEmpty()) {
            return Beoordeling.geweigerd(nietHerkend());
        }
        Aanleveraar aanleveraar = wie.get();
        if (!isXml(contentType)) {
            return Beoordeling.geweigerd(weiger(415, aanleveraar.naam(), INHOUDSTYPE_ONGELDIG,
                    "Stuur het bericht als application/xml of text/xml", null));
        }
        Optional<Duration> wacht = grens.neem(aanleveraar.naam());
        if (wacht.isPresent()) {
            return Beoordeling.geweigerd(weiger(429, aanleveraar.naam(), TE_VEEL_BERICHTEN,
                    "Meer berichten per seconde dan deze hub per backoffice aanneemt (HUB_INVOER_HTTP_LIMIET); "
                            + "probeer het later opnieuw", wacht.get()));
        }
        Publicatie publicatie;
        try {
            publicatie = aanlevering.lees(xml == null ? new byte[0] : xml);
        } catch (IjwFout fout) {
            // The same code and reason the consumer would park the record with, masked as the parked reason is.
            return Beoordeling.geweigerd(weiger(fout.code() == Foutcode.TE_GROOT ? 413 : 400, aanleveraar.naam(),
                    fout.code().name(), IjwFout.zonderBsn(fout.reden()), null));
        }
        IjwBericht bericht = publicatie.bericht();
        if (!Aanleverrecht.mag(aanleveraar, bericht)) {
            return Beoordeling.geweigerd(weiger(403, aanleveraar.naam(), AFZENDER_NIET_TOEGESTAAN,
                    "Dit token mag geen berichten aanleveren van Afzender " + bericht.afzender() + " voor gemeente "
                            + bericht.gemeente(), null));
        }
        return Beoordeling.toegelaten(aanleveraar.naam(), publicatie);
    }

    /** The broker acknowledged the record: 202 with where it landed. */
    public Aanleverantwoord aanvaard(Beoordeling.Toelating toelating, List<RecordMetadata> metadata) {
        RecordMetadata m = metadata.get(0);
        LOG.info("Aangeleverd via HTTP door {}: {} ({}) op {}-{}@{}", toelating.aanleveraar(),
                toelating.publicatie().bericht().soort(), toelating.publicatie().bericht().soort().berichtCode(),
                m.topic(), m.partition(), m.offset());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("topic", m.topic());
        body.put("partitie", m.partition());
        body.put("offset", m.offset());
        return new Aanleverantwoord(202, JSON_TYPE, json(body), null, null);
    }

    /**
     * The broker did not acknowledge in time: nothing is lost, as the client keeps the message and retries; should the
     * first attempt have landed after all, the second is a no-op by the message's identity.
     */
    public Aanleverantwoord nietBevestigd(Beoordeling.Toelating toelating, Exception oorzaak) {
        LOG.warn("HTTP-aanlevering door {} niet bevestigd door Kafka: {}", toelating.aanleveraar(),
                oorzaak == null ? "onbekend" : oorzaak.toString());
        return weiger(503, toelating.aanleveraar(), NIET_BEVESTIGD, "Kafka heeft het bericht niet op tijd bevestigd; "
                + "stuur het later opnieuw (een bericht dat toch al aankwam, verandert dan niets)", WACHT_NA_STORING);
    }

    /**
     * A body over the limit, refused by the HTTP server before the hub read it (by Content-Length, or as soon as a
     * chunked body passed the limit). Still only a known token learns more than 401.
     */
    public Aanleverantwoord teGroot(String authorization) {
        Optional<Aanleveraar> wie = tokens.herken(authorization);
        if (wie.isEmpty()) {
            return nietHerkend();
        }
        return weiger(413, wie.get().naam(), Foutcode.TE_GROOT.name(), "Het bericht is groter dan de grens van "
                + maxBytes + " bytes (HUB_MAX_RECORD_BYTES)", null);
    }

    /** One answer for a missing, malformed and unknown token, so a caller cannot tell which. */
    private Aanleverantwoord nietHerkend() {
        LOG.info("HTTP-aanlevering geweigerd: 401 {}", TOKEN_ONGELDIG);
        return new Aanleverantwoord(401, JSON_TYPE, fout(TOKEN_ONGELDIG, "Geen geldig token; stuur de kop "
                + "Authorization: Bearer met het token van deze backoffice"), WWW_AUTHENTICATE, null);
    }

    private static Aanleverantwoord weiger(int status, String aanleveraar, String foutcode, String reden,
            Duration wacht) {
        LOG.info("HTTP-aanlevering door {} geweigerd: {} {}", aanleveraar, status, foutcode);
        String retryAfter = wacht == null ? null : String.valueOf(Math.max(1, (wacht.toMillis() + 999) / 1000));
        return new Aanleverantwoord(status, JSON_TYPE, fout(foutcode, reden), null, retryAfter);
    }

    /** application/xml or text/xml, with or without parameters such as a charset. */
    static boolean isXml(String contentType) {
        if (contentType == null) {
            return false;
        }
        int puntkomma = contentType.indexOf(';');
        String type = (puntkomma < 0 ? contentType : contentType.substring(0, puntkomma)).strip();
        return XML_TYPES.contains(type.toLowerCase(Locale.ROOT));
    }

    private static String fout(String foutcode, String reden) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("foutcode", foutcode);
        body.put("reden", reden);
        return json(body);
    }

    private static String json(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package nl.procesregie.hub.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;

import nl.procesregie.hub.carepath.Pseudonimisering;

/**
 * What a feed should have given against what the hub gave, by signal key: the generator's ground truth (never the
 * hub's own rules) predicts every signal a message raises and the first escalation of a crisis read after its deadline;
 * the signals deadlines raise on their own must fit a youth under procesregie. Counts, as the fault suite prints them:
 * lost (predicted, not sent), doubled (a second Message-ID for one signal), spurious (sent, not predicted), re-sent
 * (the same mail or event again, after an ambiguous failure), parked, and records neither processed nor parked.
 */
final class Afrekening {

    static final Pattern BSN = Pattern.compile("<(?:\\w+:)?Bsn>([^<]*)</");
    static final Pattern REFERENTIE = Pattern.compile("signaal (PRH-[0-9A-F]{8})");

    final List<String> verwacht = new ArrayList<>();
    final List<String> gekregen = new ArrayList<>();
    final List<JsonNode> afgeleid = new ArrayList<>();
    final List<String> verwachtGeparkeerd = new ArrayList<>();
    final List<FeedBericht> feed;
    final LocalDate vandaag;
    int records;
    int verwachtVerwerkt;
    /** Signals whose order two instances decide: one of each group's alternatives must be sent, whole. */
    final List<List<List<String>>> eenVan = new ArrayList<>();
    int kwijt;
    int onverwacht;
    int dubbel;
    int herzonden;
    int geparkeerd;
    int onverklaard;
    int mails;

    /**
     * @param vandaag the processing date: decides which signals are historical and which crises were read after
     *                their deadline
     */
    Afrekening(List<FeedBericht> feed, LocalDate vandaag, Pseudonimisering pseudoniem) {
        this.feed = List.copyOf(feed);
        this.vandaag = vandaag;
        records = feed.size();
        Map<String, String> pseudoniemVan = new HashMap<>();
        Set<String> geldig = new HashSet<>();
        for (FeedBericht b : feed) {
            if (!b.isGeldig()) {
                verwachtGeparkeerd.add(b.bedoeldeFout());
                continue;
            }
            String tekst = new String(b.waarde(), StandardCharsets.UTF_8);
            geldig.add(tekst);
            Matcher m = BSN.matcher(tekst);
            assertTrue(m.find());
            pseudoniemVan.putIfAbsent(b.sleutel(), pseudoniem.pseudoniem(m.group(1)));
            for (VerwachtSignaal s : b.signalen()) {
                boolean historisch = s.historischOp(vandaag, FeedSchrijver.SIGNAALHORIZON);
                String jeugdige = pseudoniemVan.get(s.jeugdige());
                verwacht.add(signaal(jeugdige, s.gemeente(), s.soort(), s.volgnummer(), s.aanbieder(), s.product(),
                        s.toewijzingNummer(), s.hernieuwd(), historisch));
                // iJw dates a crisis by day: read after the end of the day after, its 24 hours have passed, and the
                // ladder's first rung goes out now (only once: the next rung counts from now).
                if (s.soort().equals("CRISIS") && !historisch && s.dagtekening().isBefore(vandaag.minusDays(1))) {
                    verwacht.add(signaal(jeugdige, s.gemeente(), "ESCALATIE", 1, s.aanbieder(), s.product(),
                            s.toewijzingNummer(), false, false));
                }
            }
        }
        // A message sent twice is one message: the hub records it once.
        verwachtVerwerkt = geldig.size();
    }

    /** A signal as the account compares it. */
    static String signaal(String jeugdige, String gemeente, String soort, Integer volgnummer, String aanbieder,
                          String product, String toewijzingNummer, boolean hernieuwd, boolean historisch) {
        return String.join(" ", jeugdige, gemeente, soort, String.valueOf(volgnummer), aanbieder, product,
                toewijzingNummer, String.valueOf(hernieuwd), String.valueOf(historisch));
    }

    /**
     * Valid messages sent besides the feed, and the signals they must give: of each group, exactly one alternative,
     * whole (which one follows the order in which instances took the messages).
     */
    Afrekening ookVerwerkt(int berichten, List<List<List<String>>> signalen) {
        records += berichten;
        verwachtVerwerkt += berichten;
        eenVan.addAll(signalen);
        return this;
    }

    /** Records sent besides the feed that must be parked with these codes and change nothing else. */
    Afrekening ookGeparkeerd(List<String> foutcodes) {
        records += foutcodes.size();
        verwachtGeparkeerd.addAll(foutcodes);
        return this;
    }

    /**
     * Settles the account.
     *
     * @param events      every record on regie.signalen, in order
     * @param mailbox     every mail the SMTP server accepted (one copy per recipient)
     * @param foutcodes   the hub-foutcode of every record on the dead-letter topic
     * @param verwerkt    the messages the hub recorded as processed
     */
    Afrekening vergelijk(List<JsonNode> events, List<MimeMessage> mailbox, List<String> foutcodes, long verwerkt) {
        Map<String, JsonNode> perId = new HashMap<>();
        Map<String, Integer> kopieen = new HashMap<>();
        for (JsonNode e : events) {
            String id = e.get("signaalId").asText();
            perId.putIfAbsent(id, e);
            kopieen.merge(id, 1, Integer::sum);
        }
        herzonden += kopieen.values().stream().mapToInt(n -> n - 1).sum();
        Map<String, Integer> ontvangers = new HashMap<>();
        for (JsonNode e : perId.values()) {
            if (vanEenBericht(e, perId)) {
                JsonNode a = e.get("aanleiding");
                Integer volgnummer = e.get("volgnummer").isNull() ? null : e.get("volgnummer").asInt();
                gekregen.add(signaal(e.get("jeugdige").asText(), e.get("gemeente").asText(), e.get("soort").asText(),
                        volgnummer, a.get("aanbieder").asText(), a.get("product").asText(),
                        a.get("toewijzingnummer").asText(), e.get("hernieuwd").asBoolean(),
                        e.get("historisch").asBoolean()));
            } else {
                afgeleid.add(e);
            }
            if (e.get("verzonden").asBoolean()) {
                // An escalation's first rung goes to the regisseur and the team: two copies.
                ontvangers.put(referentie(e), e.get("soort").asText().equals("ESCALATIE") ? 2 : 1);
            }
        }
        for (List<List<String>> groep : eenVan) {
            verwacht.addAll(groep.stream().filter(gekregen::containsAll).findFirst().orElse(groep.get(0)));
        }
        eenVan.clear();
        List<String> over = new ArrayList<>(gekregen);
        for (String v : verwacht) {
            if (!over.remove(v)) {
                kwijt++;
            }
        }
        onverwacht += over.size();
        Set<String> onderRegie = verwacht.stream().map(r -> r.split(" ")[0]).collect(Collectors.toSet());
        Set<String> herinnerd = new HashSet<>();
        for (JsonNode e : afgeleid) {
            String jeugdige = e.get("jeugdige").asText();
            boolean past = onderRegie.contains(jeugdige) && !e.get("historisch").asBoolean()
                    && switch (e.get("soort").asText()) {
                        case "OPVOLGING" -> herinnerd.add(jeugdige);
                        case "ESCALATIE" -> e.get("volgnummer").asInt() == 1;
                        case "LEEFTIJD_16", "LEEFTIJD_18" -> true;
                        default -> false;
                    };
            onverwacht += past ? 0 : 1;
        }

        Map<String, Set<String>> messageIds = new HashMap<>();
        Map<String, Integer> exemplaren = new HashMap<>();
        for (MimeMessage m : mailbox) {
            String ref = referentie(m);
            messageIds.computeIfAbsent(ref, k -> new HashSet<>()).add(messageId(m));
            exemplaren.merge(ref, 1, Integer::sum);
        }
        mails = messageIds.values().stream().mapToInt(Set::size).sum();
        for (Map.Entry<String, Integer> e : ontvangers.entrySet()) {
            Set<String> ids = messageIds.getOrDefault(e.getKey(), Set.of());
            kwijt += ids.isEmpty() ? 1 : 0;
            dubbel += Math.max(0, ids.size() - 1);
            herzonden += Math.max(0, exemplaren.getOrDefault(e.getKey(), 0) / e.getValue() - ids.size());
        }
        onverwacht += (int) messageIds.keySet().stream().filter(r -> !ontvangers.containsKey(r)).count();

        geparkeerd = foutcodes.size();
        List<String> nogTeParkeren = new ArrayList<>(verwachtGeparkeerd);
        foutcodes.forEach(nogTeParkeren::remove);
        onverklaard = nogTeParkeren.size() + (int) Math.abs(verwachtVerwerkt - verwerkt);
        return this;
    }

    /** Raised by a message, or the escalation of a crisis: the ground truth predicts these. */
    static boolean vanEenBericht(JsonNode e, Map<String, JsonNode> perId) {
        return switch (e.get("soort").asText()) {
            case "VIERDE_TRAJECT", "VERVOLG_TRAJECT", "VERBLIJF", "CRISIS" -> true;
            case "ESCALATIE" -> {
                JsonNode basis = perId.get(e.get("basisSignaalId").asText());
                yield basis != null && basis.get("soort").asText().equals("CRISIS");
            }
            default -> false;
        };
    }

    static String referentie(JsonNode e) {
        return "PRH-" + e.get("signaalId").asText().replace("-", "").substring(0, 8).toUpperCase();
    }

    static String referentie(MimeMessage m) {
        try {
            Matcher r = REFERENTIE.matcher(m.getSubject());
            return r.find() ? r.group(1) : m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String kop() {
        return String.format("%-22s %8s %9s %9s %6s %7s %10s %10s %10s %11s", "storing", "records", "verwacht",
                "verzonden", "kwijt", "dubbel", "onverwacht", "herzonden", "geparkeerd", "onverklaard");
    }

    String regel(String storing) {
        return String.format("%-22s %8d %9d %9d %6d %7d %10d %10d %10d %11d", storing, records, verwacht.size(),
                gekregen.size(), kwijt, dubbel, onverwacht, herzonden, geparkeerd, onverklaard);
    }

    /** The acceptance figure: nothing lost, doubled, spurious or unaccounted for; re-sends only where allowed. */
    void klopt(boolean herzendenToegestaan) {
        assertEquals(verwacht.stream().sorted().toList(), gekregen.stream().sorted().toList());
        assertEquals(0, kwijt + dubbel + onverwacht + onverklaard, regel("") + "\n" + afgeleid);
        if (!herzendenToegestaan) {
            assertEquals(0, herzonden, regel(""));
        }
    }
}

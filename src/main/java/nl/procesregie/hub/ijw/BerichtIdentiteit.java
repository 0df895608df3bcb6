package nl.procesregie.hub.ijw;

import java.time.LocalDate;

/** The identity of an iJw message: the same Identificatie reappears across senders, so the sender is part of it. */
public record BerichtIdentiteit(String afzender, String identificatie, LocalDate dagtekening) {
}

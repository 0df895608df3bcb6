#!/bin/sh
# Prints four JW301 messages (toewijzingen), one per line, that give one test youth in Woerden (gemeente 0632) four
# distinct trajectories: the fourth makes the hub send a VIERDE_TRAJECT mail. Dated today, because a message older
# than the regio's signaalhorizon (30 days) only updates the care path and mails nobody.
#
# One message per line, because kafka-console-producer sends every line as one record:
#   sh docker/voorbeeld-berichten.sh | docker compose -f docker/compose.yaml exec -T kafka \
#     /opt/kafka/bin/kafka-console-producer.sh --bootstrap-server kafka:9092 --topic ijw.toewijzingen
#
# Optional argument: another test BSN (nine digits that pass the eleven-test, e.g. 999900018) for a fresh youth.
# Running it again with the same BSN on the same day changes nothing: the hub recognises the messages.
set -eu

bsn="${1:-999900006}"
# Identifiers must differ per youth but never carry the BSN (it would show in mails and events): a short checksum.
reeks="$(printf '%s' "$bsn" | cksum | cut -c1-6)"
case "${bsn}" in
  [0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]) ;;
  *) echo "Gebruik: $0 [bsn] (negen cijfers, een test-BSN)" >&2; exit 2 ;;
esac
gemeente=0632
vandaag="$(date +%Y-%m-%d)"
basis=http://www.istandaarden.nl/ijw/3_2/basisschema/schema

toewijzing() {
  volgnummer="$1" aanbieder="$2" code="$3"
  printf '%s' \
    '<?xml version="1.0" encoding="UTF-8"?>' \
    '<Bericht xmlns="http://www.istandaarden.nl/ijw/3_2/jw301/schema" xmlns:ijw="'"${basis}"'">' \
    '<Header><BerichtCode>436</BerichtCode><BerichtVersie>3</BerichtVersie><BerichtSubversie>2</BerichtSubversie>' \
    "<Afzender>${gemeente}</Afzender><Ontvanger>${aanbieder}</Ontvanger>" \
    "<BerichtIdentificatie><ijw:Identificatie>VB-${reeks}-${volgnummer}</ijw:Identificatie>" \
    "<ijw:Dagtekening>${vandaag}</ijw:Dagtekening></BerichtIdentificatie>" \
    '<XsdVersie><ijw:BasisschemaXsdVersie>1.2.0</ijw:BasisschemaXsdVersie>' \
    '<ijw:BerichtXsdVersie>1.2.0</ijw:BerichtXsdVersie></XsdVersie></Header>' \
    "<Client><Bsn>${bsn}</Bsn><Geboortedatum><ijw:Datum>2012-05-17</ijw:Datum></Geboortedatum><Geslacht>2</Geslacht>" \
    '<Naam><ijw:Geslachtsnaam><ijw:Achternaam>Voorbeeld</ijw:Achternaam></ijw:Geslachtsnaam>' \
    '<ijw:Voorletters>JP</ijw:Voorletters><ijw:NaamGebruik>1</ijw:NaamGebruik></Naam>' \
    '<Contactgegevens><Contact><Soort>01</Soort><Adres><ijw:Huis><ijw:Huisnummer>1</ijw:Huisnummer></ijw:Huis>' \
    '<ijw:Postcode>3441AA</ijw:Postcode><ijw:Straatnaam>Voorbeeldstraat</ijw:Straatnaam>' \
    '<ijw:Plaatsnaam>Woerden</ijw:Plaatsnaam></Adres></Contact></Contactgegevens>' \
    "<ToegewezenProducten><ToegewezenProduct><ToewijzingNummer>${reeks}${volgnummer}</ToewijzingNummer>" \
    "<Product><ijw:Categorie>45</ijw:Categorie><ijw:Code>${code}</ijw:Code></Product>" \
    "<Toewijzingsdatum>${vandaag}</Toewijzingsdatum><Toewijzingstijd>10:0${volgnummer}:00</Toewijzingstijd>" \
    "<Ingangsdatum>${vandaag}</Ingangsdatum>" \
    '<Omvang><ijw:Volume>1</ijw:Volume><ijw:Eenheid>04</ijw:Eenheid><ijw:Frequentie>2</ijw:Frequentie></Omvang>' \
    '</ToegewezenProduct></ToegewezenProducten></Client></Bericht>'
  printf '\n'
}

# Four care providers (AGB codes), four products: four trajectories.
toewijzing 1 10000001 45A01
toewijzing 2 10000002 45A02
toewijzing 3 10000003 45A05
toewijzing 4 10000004 45A07

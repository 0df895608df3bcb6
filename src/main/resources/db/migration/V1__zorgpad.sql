-- The care path store. A youth is known only by its pseudonym (keyed hash of the BSN); the BSN is not stored.

create table jeugdige (
    pseudoniem          text primary key,
    voorletters         text,
    geboortedatum       date,
    hoogwatermerk       integer     not null default 0,
    laatste_gemeente    text,
    -- Dagtekening of the message the facts above come from: an older message arriving late does not overwrite them
    gegevens_dagtekening date,
    laatste_bericht_op  timestamptz,
    onder_regie_sinds   timestamptz,
    aangemaakt_op       timestamptz not null
);

-- An allocation by (gemeente, ToewijzingNummer), holding its latest version.
create table toewijzing (
    gemeente            text        not null,
    toewijzingnummer    text        not null,
    jeugdige            text        not null references jeugdige (pseudoniem) on delete cascade,
    aanbieder           text        not null,
    categorie           text,
    code                text,
    product             text        not null,
    toewijzingsmoment   timestamp   not null,
    ingangsdatum        date        not null,
    einddatum           date,
    reden_wijziging     text,
    primary key (gemeente, toewijzingnummer)
);
create index toewijzing_jeugdige on toewijzing (jeugdige);

-- Starts (JW305) and stops (JW307), per youth (the standard matches them by BSN + ToewijzingNummer + product).
-- The content version and the latest retraction are kept apart so that arrival order does not matter;
-- ToewijzingNummer is '' for care reported without an allocation.
create table levering (
    soort                   text        not null check (soort in ('START', 'STOP')),
    jeugdige                text        not null references jeugdige (pseudoniem) on delete cascade,
    aanbieder               text        not null,
    toewijzingnummer        text        not null,
    product                 text        not null,
    begindatum              date        not null,
    gemeente                text        not null,
    categorie               text,
    code                    text,
    einddatum               date,
    reden_beeindiging       text,
    inhoud_dagtekening      date,
    intrekking_dagtekening  date,
    intrekking_inhoud       text,
    -- derived from the two versions, kept for people reading the table
    ingetrokken             boolean     not null,
    primary key (soort, jeugdige, aanbieder, toewijzingnummer, product, begindatum)
);
create index levering_jeugdige on levering (jeugdige);

-- The referrer of a trajectory, known only from a JW315.
create table verzoek (
    jeugdige            text        not null references jeugdige (pseudoniem) on delete cascade,
    aanbieder           text        not null,
    product             text        not null,
    verwijzer_type      text        not null,
    dagtekening         date        not null,
    primary key (jeugdige, aanbieder, product)
);

-- Derived trajectories, kept so that a change in what counts can be seen against the previous state.
create table traject (
    jeugdige            text        not null references jeugdige (pseudoniem) on delete cascade,
    aanbieder           text        not null,
    product             text        not null,
    gemeente            text        not null,
    categorie           text,
    code                text,
    telt                boolean     not null,
    eerste_datum        date,
    laatste_datum       date,
    -- keys ('aanbieder|product') under which care in this trajectory counted before it was linked to its allocation
    herkomst            text[]      not null default '{}',
    primary key (jeugdige, aanbieder, product)
);

-- Messages already applied, recorded in the same transaction as their effect.
create table verwerkt_bericht (
    afzender            text        not null,
    identificatie       text        not null,
    dagtekening         date        not null,
    inhoud_hash         bytea       not null,
    jeugdige            text        references jeugdige (pseudoniem) on delete cascade,
    verwerkt_op         timestamptz not null,
    primary key (afzender, identificatie, dagtekening)
);
create index verwerkt_bericht_jeugdige on verwerkt_bericht (jeugdige);

create table signaal (
    signaal_id          uuid        primary key,
    signaal_sleutel     text        not null unique,
    soort               text        not null,
    volgnummer          integer,
    gemeente            text        not null,
    jeugdige            text        not null references jeugdige (pseudoniem) on delete cascade,
    aanbieder           text,
    product             text,
    toewijzingnummer    text,
    hernieuwd           boolean     not null default false,
    historisch          boolean     not null,
    -- null while the referrer rule still waits for a JW315
    verzonden           boolean,
    beslis_op           timestamptz,
    tijdstip            timestamptz not null
);
create index signaal_jeugdige on signaal (jeugdige);
create index signaal_wacht on signaal (beslis_op) where verzonden is null;

-- Transactional outbox: every mail and every regie.signalen event leaves from here.
create table uitgaand (
    id                  bigserial   primary key,
    signaal_id          uuid        not null references signaal (signaal_id) on delete cascade,
    kanaal              text        not null check (kanaal in ('MAIL', 'EVENT')),
    message_id          text,
    ontvangers          text,
    onderwerp           text,
    tekst               text,
    html                text,
    inhoud              text,
    -- Kafka record key of an event: the youth's pseudonym, so one youth's events keep their order
    sleutel             text,
    aangemaakt_op       timestamptz not null,
    volgende_poging_op  timestamptz not null,
    pogingen            integer     not null default 0,
    herzendingen        integer     not null default 0,
    laatste_fout        text,
    -- the last failure may have delivered the mail (accepted, then timed out): a retry is then a re-send
    laatste_fout_ambigu boolean     not null default false,
    verzonden_op        timestamptz,
    unique (signaal_id, kanaal)
);
create index uitgaand_te_doen on uitgaand (volgende_poging_op) where verzonden_op is null;

package nl.procesregie.hub.config;

import java.util.List;

/**
 * The raw shape of one regio YAML file, as Jackson binds it. Every scalar is kept as text so that the validator, not
 * Jackson, decides what is wrong and says so in Dutch with the path of the key.
 */
final class RegioBestand {
    Regio regio;

    static final class Regio {
        String naam;
        String drempel;
        String terugkijkperiode;
        String signaalhorizon;
        String verwijzerwachttijd;
        String herinneringstijd;
        String checkwerkdagen;
        String achttienvoorloop;
        List<String> feestdagen;
        List<Trede> escalatie;
        Uitgesloten uitgesloten;
        Soorten productsoorten;
        Woorden woorden;
        List<Gemeente> gemeenten;
        List<Aanbieder> aanbieders;
        List<Aanleveraar> aanleveraars;
    }

    static final class Gemeente {
        String code;
        String naam;
        Regisseur regisseur;
        Team team;
        Woorden woorden;
        List<String> verwijzers;
        String drempel;
        String terugkijkperiode;
        String signaalhorizon;
        String verwijzerwachttijd;
        String herinneringstijd;
        String checkwerkdagen;
        String achttienvoorloop;
        List<String> feestdagen;
        List<Trede> escalatie;
        Uitgesloten uitgesloten;
        Soorten productsoorten;
    }

    static final class Regisseur {
        String naam;
        String email;
    }

    static final class Team {
        String email;
    }

    static final class Woorden {
        String contactpersoon;
        String plan;
    }

    static final class Uitgesloten {
        List<String> categorieen;
        List<String> codes;
    }

    static final class Trede {
        String na;
        List<String> aan;
    }

    static final class Soorten {
        List<String> pleegzorg;
        List<String> gezinshuis;
        List<String> crisis;
        List<String> verblijf;
        List<String> diagnostiek;
        List<String> perspectiefbiedend;
    }

    static final class Aanbieder {
        String agb;
        String naam;
    }

    static final class Aanleveraar {
        String naam;
        String token;
        List<String> gemeenten;
        List<String> afzenders;
    }
}

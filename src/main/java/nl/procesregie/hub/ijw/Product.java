package nl.procesregie.hub.ijw;

/**
 * A care product as the standard names it: a 2-digit category and an optional 5-character code. Both may be absent
 * (an allocation by budget only).
 */
public record Product(String categorie, String code) {

    public static final String GENERIEK = "generiek";
    public static final Product GEEN = new Product(null, null);

    /** The product part of a trajectory's identity: the code, else the category, else "generiek" (as OP259). */
    public String sleutel() {
        if (code != null) {
            return code;
        }
        return categorie != null ? categorie : GENERIEK;
    }
}

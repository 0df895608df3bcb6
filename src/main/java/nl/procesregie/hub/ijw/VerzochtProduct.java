package nl.procesregie.hub.ijw;

/** A product requested in a JW315, with the referrer the schema gives per requested product. */
public record VerzochtProduct(Product product, String verwijzerType) {
}

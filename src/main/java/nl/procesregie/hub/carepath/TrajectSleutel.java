package nl.procesregie.hub.carepath;

/** A trajectory of one youth: one product at one provider. Extensions and changes of it are not new trajectories. */
public record TrajectSleutel(String aanbieder, String product) implements Comparable<TrajectSleutel> {

    @Override
    public int compareTo(TrajectSleutel o) {
        int c = aanbieder.compareTo(o.aanbieder);
        return c != 0 ? c : product.compareTo(o.product);
    }

    @Override
    public String toString() {
        return aanbieder + "/" + product;
    }
}

package nl.procesregie.hub.notify;

/** Text placed in HTML that the hub writes: mails, the overview and the demo's mail page. */
public final class Html {

    private Html() {
    }

    /** {@code waarde} escaped for element content and quoted attributes; null as nothing. */
    public static String tekst(String waarde) {
        if (waarde == null) {
            return "";
        }
        StringBuilder uit = new StringBuilder(waarde.length() + 16);
        for (char c : waarde.toCharArray()) {
            switch (c) {
                case '&' -> uit.append("&amp;");
                case '<' -> uit.append("&lt;");
                case '>' -> uit.append("&gt;");
                case '"' -> uit.append("&quot;");
                case '\'' -> uit.append("&#39;");
                default -> uit.append(c);
            }
        }
        return uit.toString();
    }
}

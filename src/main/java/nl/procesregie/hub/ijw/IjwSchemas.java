package nl.procesregie.hub.ijw;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;

/**
 * The official iJw 3.2 XSDs bundled with the hub ({@code ijw/xsd/3_2/}, provenance beside them), compiled once into
 * one {@link Schema} that knows every message type the hub reads. The standard decides every field; the schema
 * check, the tests and the demo feed all validate against this one copy.
 *
 * <p>A compiled {@link Schema} is immutable and thread-safe; its validators are not, so each user makes its own.
 */
public final class IjwSchemas {

    /** The release whose XSDs are bundled; messages of other 3.x releases are read without a schema check. */
    public static final String RELEASE = "3_2";

    private static final String MAP = "ijw/xsd/" + RELEASE + "/";
    private static volatile Schema schema;

    private IjwSchemas() {
    }

    /** The compiled schema of JW301, JW305, JW307 and JW315 (release 3.2); compiled on first use. */
    public static Schema release32() {
        Schema s = schema;
        if (s == null) {
            synchronized (IjwSchemas.class) {
                s = schema;
                if (s == null) {
                    s = compileer();
                    schema = s;
                }
            }
        }
        return s;
    }

    /** The classpath location of the XSD of {@code soort}, for tools and tests that want the file itself. */
    public static String bron(BerichtSoort soort) {
        return MAP + soort.name() + ".xsd";
    }

    private static Schema compileer() {
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // The XSDs import basisschema.xsd by relative name; it resolves inside the jar, nothing else may load.
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file");
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException("XML-schemafabriek ondersteunt geen veilige verwerking", e);
        }
        List<Source> bronnen = new ArrayList<>();
        for (BerichtSoort soort : BerichtSoort.values()) {
            URL url = IjwSchemas.class.getClassLoader().getResource(bron(soort));
            if (url == null) {
                throw new IllegalStateException("iJw-schema ontbreekt op het classpath: " + bron(soort));
            }
            bronnen.add(new StreamSource(url.toExternalForm()));
        }
        try {
            return factory.newSchema(bronnen.toArray(Source[]::new));
        } catch (SAXException e) {
            throw new IllegalStateException("iJw-schema's " + MAP + " zijn niet te lezen: " + e.getMessage(), e);
        }
    }
}

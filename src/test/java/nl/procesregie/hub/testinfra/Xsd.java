package nl.procesregie.hub.testinfra;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Validator;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import nl.procesregie.hub.ijw.IjwSchemas;

/**
 * Judges a message by the official iJw 3.2 XSDs with javax.xml.validation, independent of the hub's parser: every
 * violation, not only the first, so a test can tell a record broken for one reason from one broken for several.
 * Not thread-safe (one {@link Validator}); a test makes its own.
 */
public final class Xsd {

    private final Validator validator = IjwSchemas.release32().newValidator();
    private final List<String> fouten = new ArrayList<>();

    public Xsd() {
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // Warnings do not make a message invalid.
            }

            @Override
            public void error(SAXParseException e) {
                fouten.add(melding(e));
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
    }

    /** The schema violations of this message, each with line and column; empty when it is valid. */
    public List<String> fouten(byte[] xml) {
        fouten.clear();
        try {
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXParseException e) {
            fouten.add(melding(e));
        } catch (SAXException e) {
            fouten.add(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(fouten);
    }

    private static String melding(SAXParseException e) {
        return "regel " + e.getLineNumber() + ", kolom " + e.getColumnNumber() + ": " + e.getMessage();
    }
}

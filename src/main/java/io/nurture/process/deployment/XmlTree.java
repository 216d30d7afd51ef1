package io.nurture.process.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a BPMN or DMN file into {@link XmlElement}s with a SAX parser, like the engine's own parser: entities and
 * character references decoded, an element's text joined from all its text and CDATA pieces (so a comment inside
 * {@code $<!-- -->{…}} hides nothing). A DOCTYPE is refused: it could define entities that the engine reads differently.
 */
final class XmlTree {

    static final class NotReadable extends Exception {

        final int line;
        final int column;

        NotReadable(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    private XmlTree() {
    }

    static XmlElement parse(byte[] xml) throws NotReadable {
        Handler handler = new Handler();
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.newSAXParser().parse(new InputSource(new ByteArrayInputStream(xml)), handler);
        } catch (SAXParseException e) {
            String reason = e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                    ? "a DOCTYPE is not allowed: its entities could put text where no check sees it"
                    : "not well-formed XML: " + e.getMessage();
            throw new NotReadable(reason, e.getLineNumber(), e.getColumnNumber());
        } catch (SAXException | IOException e) {
            throw new NotReadable("not readable as XML: " + e.getMessage(), 0, 0);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's SAX parser cannot be configured securely", e);
        }
        if (handler.root == null) {
            throw new NotReadable("no XML element", 0, 0);
        }
        return handler.root;
    }

    private static final class Handler extends DefaultHandler {

        private final Deque<XmlElement> open = new ArrayDeque<>();
        private Locator locator;
        private XmlElement root;

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            List<XmlElement.Attribute> read = new ArrayList<>();
            for (int i = 0; i < attributes.getLength(); i++) {
                read.add(new XmlElement.Attribute(attributes.getURI(i), attributes.getLocalName(i),
                        attributes.getQName(i), attributes.getValue(i)));
            }
            XmlElement element = new XmlElement(uri, localName, read, open.peek(),
                    locator == null ? 0 : locator.getLineNumber(), locator == null ? 0 : locator.getColumnNumber());
            if (root == null) {
                root = element;
            }
            open.push(element);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            open.pop();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!open.isEmpty()) {
                open.peek().appendText(ch, start, length);
            }
        }
    }
}

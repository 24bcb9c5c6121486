package dk.raaderum.platform.spreadsheet;

import dk.raaderum.platform.text.ControlCharacters;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

/**
 * Reads the first sheet of an .xlsx file one row at a time (POI's SAX event model: the sheet is never held whole),
 * handing each row to a callback as text cells: numbers as plain decimals without grouping or exponent
 * ({@code -1500000}, {@code 2.5}), whatever format the cell shows; empty cells as null. The file must be on disk (a
 * zip is read by random access); shared strings are held in memory, inline strings are not.
 */
public final class XlsxReader {

    private XlsxReader() {
    }

    /** Receives one row: its number as Excel shows it (from 1) and its cells from column A on. */
    @FunctionalInterface
    public interface RowHandler {
        void row(int rowNumber, List<String> cells);
    }

    /** The file is not a readable .xlsx workbook, or a cell holds a control character ({@link ControlCharacters}). */
    public static final class XlsxException extends RuntimeException {

        XlsxException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static void read(Path file, RowHandler handler) {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new XlsxException("The workbook has no sheet", null);
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Rows(handler),
                        new PlainNumbers(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (NotOfficeXmlFileException | InvalidFormatException e) {
            throw new XlsxException("The file is not an .xlsx workbook", e);
        } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
            throw new XlsxException("The workbook cannot be read: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.apache.poi.UnsupportedFileFormatException | org.apache.poi.ooxml.POIXMLException e) {
            throw new XlsxException("The file is not an .xlsx workbook", e);
        }
    }

    /** Collects the cells of a row by column and hands the row on at its end. */
    private static final class Rows implements SheetContentsHandler {

        private final RowHandler handler;
        private final List<String> cells = new ArrayList<>();

        Rows(RowHandler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            handler.row(rowNum + 1, Collections.unmodifiableList(new ArrayList<>(cells)));
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            if (ControlCharacters.present(value)) {
                throw new XlsxException("Cell " + reference + ": " + ControlCharacters.MESSAGE, null);
            }
            int column = new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add(null);
            }
            cells.add(value == null || value.isEmpty() ? null : value);
        }
    }

    /** Numbers as plain decimals, not as the cell's display format (no grouping, no rounding, no exponent). */
    private static final class PlainNumbers extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}

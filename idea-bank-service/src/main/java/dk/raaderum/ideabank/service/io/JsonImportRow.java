package dk.raaderum.ideabank.service.io;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;

/**
 * One idea of a JSON import: the fields of a submission (the API's names) plus the municipality, and the id of the idea
 * it updates if it updates a given one; budgetYear may be
 * {@code 2022} or {@code "B22"}, type a name or a Danish label, areaCode a code or a name. Every other value is read as
 * the type it is, as request bodies are (a number for a text is an error of the row, never stored as text). Fields it
 * does not know are an error of the row.
 */
public record JsonImportRow(Long id, String municipality, JsonNode budgetYear, String number, String sourceReference,
        String title,
        String summary, String description, String type, String classificationRationale, Boolean reducesService,
        String areaCode, List<String> tags, Integer priceLevelYear, List<Amount> amounts, BigDecimal fteChange,
        Long investmentCost, BigDecimal paybackYears, String consequences, String contactRole) {

    /** An amount of one year. */
    public record Amount(Integer year, Long amount) {
    }
}

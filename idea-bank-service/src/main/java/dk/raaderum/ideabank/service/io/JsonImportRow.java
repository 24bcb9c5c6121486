package dk.raaderum.ideabank.service.io;

import java.math.BigDecimal;
import java.util.List;

/**
 * One idea of a JSON import: the fields of a submission (the API's names) plus the municipality, and the id of the idea
 * it updates if it updates a given one; budgetYear may be
 * {@code 2022} or {@code "B22"}, type a name or a Danish label, areaCode a code or a name. Fields it does not know
 * are an error of the row.
 */
public record JsonImportRow(Long id, String municipality, String budgetYear, String number, String sourceReference, String title,
        String summary, String description, String type, String classificationRationale, Boolean reducesService,
        String areaCode, List<String> tags, Integer priceLevelYear, List<Amount> amounts, BigDecimal fteChange,
        Long investmentCost, BigDecimal paybackYears, String consequences, String contactRole) {

    /** An amount of one year. */
    public record Amount(Integer year, Long amount) {
    }
}

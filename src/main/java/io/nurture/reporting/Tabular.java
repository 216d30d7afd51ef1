package io.nurture.reporting;

import java.util.List;

/** A report that also reads as one flat table, for {@code Accept: text/csv}. */
interface Tabular {

    List<String> csvHeader();

    List<List<Object>> csvRows();

    /** The file name offered for download, without extension. */
    String csvName();
}

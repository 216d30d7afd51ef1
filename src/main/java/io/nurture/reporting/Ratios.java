package io.nurture.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;

final class Ratios {

    private Ratios() {
    }

    /** part / whole rounded to four decimals, null when there is no whole. */
    static Double of(long part, long whole) {
        return whole == 0 ? null : round(part / (double) whole, 4);
    }

    static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}

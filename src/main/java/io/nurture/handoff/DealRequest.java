package io.nurture.handoff;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The body of {@code POST /api/contacts/{id}/deal}. */
record DealRequest(
        @NotBlank @Pattern(regexp = "won|lost", message = "must be 'won' or 'lost'") String status,
        // @DecimalMax too: @Digits alone lets 1e2147483647 through (its digit count overflows)
        @NotNull @DecimalMin("0") @DecimalMax("9999999999999.99") @Digits(integer = 13, fraction = 2)
        BigDecimal amount) {
}

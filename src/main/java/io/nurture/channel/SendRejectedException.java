package io.nurture.channel;

/** The provider refused this message for good (an invalid number, a 4xx): recorded, not retried. */
public class SendRejectedException extends RuntimeException {

    public SendRejectedException(String message) {
        super(message);
    }
}

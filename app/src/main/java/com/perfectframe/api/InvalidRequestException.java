package com.perfectframe.api;

/** A request field has a value the job cannot use; the message names the field. */
class InvalidRequestException extends RuntimeException {

    InvalidRequestException(String message) {
        super(message);
    }
}

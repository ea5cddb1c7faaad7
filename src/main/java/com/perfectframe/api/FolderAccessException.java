package com.perfectframe.api;

/** A requested folder lies outside the roots this service may touch. */
class FolderAccessException extends RuntimeException {

    FolderAccessException(String message) {
        super(message);
    }
}

package com.perfectframe.access;

/** A requested folder lies outside the roots this service may touch. */
public class FolderAccessException extends RuntimeException {

    public FolderAccessException(String message) {
        super(message);
    }
}

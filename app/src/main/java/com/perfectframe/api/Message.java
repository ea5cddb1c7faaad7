package com.perfectframe.api;

/** The original tool's reply to a started job: {@code {"message": "..."}}. */
record Message(String message) {}

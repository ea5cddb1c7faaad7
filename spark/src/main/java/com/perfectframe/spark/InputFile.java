package com.perfectframe.spark;

import java.io.Serializable;

/**
 * One input of the archive: its URI, its name (the pictures' and the manifest's source name), its size and when it
 * was last modified (the local copy keeps that time, so the core does not take it for a recording still growing).
 */
record InputFile(String uri, String name, long size, long modified) implements Serializable {}
